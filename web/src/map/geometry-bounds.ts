import type { MultiPolygon, Polygon } from 'geojson';

export type Bounds = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Bounding box of a polygon or multipolygon, [minLon, minLat, maxLon, maxLat]. */
export function geometryBounds(geometry: Polygon | MultiPolygon): Bounds {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      // The outer ring bounds the polygon; holes lie inside it.
      if (lon < minLon) minLon = lon;
      if (lat < minLat) minLat = lat;
      if (lon > maxLon) maxLon = lon;
      if (lat > maxLat) maxLat = lat;
    }
  }
  if (!Number.isFinite(minLon)) throw new Error(`Empty geometry: ${JSON.stringify(geometry).slice(0, 80)}`);
  return [minLon, minLat, maxLon, maxLat];
}
