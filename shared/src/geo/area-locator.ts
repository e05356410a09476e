import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInPolygon } from './point-in-ring.ts';

export interface LocatableArea {
  id: number;
  code: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Finds the area containing a point among areas that do not overlap (the grids of a county):
 * a static R-tree of their bounding boxes, then point-in-polygon on the few candidates. Built once
 * for a bulk import, it answers in about a microsecond where a database query per point takes ten.
 * @example createAreaLocator(grids)(120.05, 29.05)?.code
 */
export function createAreaLocator(areas: readonly LocatableArea[]): (lon: number, lat: number) => LocatableArea | null {
  if (areas.length === 0) return () => null;
  const index = new Flatbush(areas.length);
  for (const a of areas) {
    const [minX, minY, maxX, maxY] = bbox(a.geometry);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    for (const i of index.search(lon, lat, lon, lat)) {
      if (pointInPolygon(lon, lat, areas[i].geometry)) return areas[i];
    }
    return null;
  };
}

function bbox(g: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons) {
    for (const p of rings[0] as Position[]) {
      if (p[0] < box[0]) box[0] = p[0];
      if (p[1] < box[1]) box[1] = p[1];
      if (p[0] > box[2]) box[2] = p[0];
      if (p[1] > box[3]) box[3] = p[1];
    }
  }
  return box;
}
