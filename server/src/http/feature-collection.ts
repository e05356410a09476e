import type { Page } from '../db/paging.ts';
import { pageLinks } from './page-links.ts';
import { encodeCursor } from './query-params.ts';

/** GeoJSON's registered media type; GIS tools (ogr2ogr, QGIS) and browsers both accept it. */
export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

/** A page of point rows as a GeoJSON FeatureCollection with OGC-style paging links. */
export function pointFeatureCollection<T extends { id: number; lon: number; lat: number }, P>(
  page: Page<T>,
  requestUrl: string,
  properties: (row: T) => P,
) {
  return {
    type: 'FeatureCollection' as const,
    features: page.items.map((row) => ({
      type: 'Feature' as const,
      id: row.id,
      geometry: { type: 'Point' as const, coordinates: [row.lon, row.lat] as [number, number] },
      properties: properties(row),
    })),
    numberReturned: page.items.length,
    nextCursor: page.nextAfterId === null ? null : encodeCursor(page.nextAfterId),
    links: pageLinks(requestUrl, page.nextAfterId),
  };
}
