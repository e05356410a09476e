import { centerOfMass, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { pointInPolygon } from './point-in-ring.ts';

/** A point inside the polygon: its centre of mass (area-weighted, unlike the mean of its vertices) when that lies inside, else a point on its surface. */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const c = centerOfMass(geometry).geometry.coordinates;
  if (pointInPolygon(c[0], c[1], geometry)) return [c[0], c[1]];
  const p = pointOnFeature(geometry).geometry.coordinates;
  return [p[0], p[1]];
}
