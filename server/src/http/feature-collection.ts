import type { Context } from 'hono';
import type { Page } from '../db/paging.ts';
import { pageLinks } from './page-links.ts';
import { encodeCursor } from './query-params.ts';

/** GeoJSON's registered media type; GIS tools (ogr2ogr, QGIS) and browsers both accept it. */
export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

/** A row with a position, as every point layer's SQL returns it. */
export interface PointRow {
  id: number;
  lon: number;
  lat: number;
}

/** One point row as a GeoJSON Feature: the shape of `GET /api/<layer>/:id` and of every collection item. */
export function pointFeature<T extends PointRow, P>(row: T, properties: (row: T) => P) {
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry: { type: 'Point' as const, coordinates: [row.lon, row.lat] as [number, number] },
    properties: properties(row),
  };
}

/** A page of point rows as a GeoJSON FeatureCollection with OGC-style paging links. */
export function pointFeatureCollection<T extends PointRow, P>(
  page: Page<T>,
  requestUrl: string,
  properties: (row: T) => P,
) {
  return {
    type: 'FeatureCollection' as const,
    features: page.items.map((row) => pointFeature(row, properties)),
    numberReturned: page.items.length,
    nextCursor: page.nextAfterId === null ? null : encodeCursor(page.nextAfterId),
    links: pageLinks(requestUrl, page.nextAfterId),
  };
}

/** Answers 200 with GeoJSON: `body` is sent as is when already a JSON string. */
export function geojsonResponse(c: Context, body: string | object, status: 200 | 201 = 200): Response {
  return c.body(typeof body === 'string' ? body : JSON.stringify(body), status, { 'Content-Type': GEOJSON_CONTENT_TYPE });
}
