import { kinks } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { RowProblem } from './row-problem.ts';
import { countVertices, MAX_AREA_VERTICES } from '../geo/vertex-limits.ts';

/**
 * What is wrong with an area's geometry, if anything: not a (Multi)Polygon, a position that is
 * not a longitude/latitude, a ring that is not closed or has under 3 distinct corners, or a ring
 * that crosses itself or another ring (the first crossing is `where`), or more than
 * MAX_AREA_VERTICES vertices (checked first: the crossing search grows with their square).
 */
export function polygonProblem(geometry: Geometry | null): RowProblem | null {
  if (geometry === null) return bad('the row has no geometry');
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return bad(`a ${geometry.type} is not an area; areas are polygons`);
  const vertices = countVertices(geometry);
  if (vertices > MAX_AREA_VERTICES) return bad(`the boundary has ${vertices} vertices, more than ${MAX_AREA_VERTICES}: simplify it first`);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return bad('the polygon has no rings');
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return bad('a polygon has no rings');
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4) return bad(`a ring has ${Array.isArray(ring) ? ring.length : 0} positions; a closed ring needs at least 4`);
      for (const p of ring) {
        if (!isLonLat(p)) return bad(`position ${JSON.stringify(p)} is not a longitude and latitude in degrees`);
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) return bad(`a ring is not closed: it starts at ${fmt(first)} and ends at ${fmt(last)}`, [first[0], first[1]]);
    }
  }
  const crossings = kinks(geometry as Polygon | MultiPolygon).features;
  if (crossings.length > 0) {
    const [lon, lat] = crossings[0].geometry.coordinates;
    return bad(`the boundary crosses itself at ${fmt([lon, lat])} (${crossings.length} crossing${crossings.length > 1 ? 's' : ''})`, [lon, lat]);
  }
  return null;
}

function isLonLat(p: unknown): p is Position {
  return (
    Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) &&
    Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90
  );
}

const fmt = (p: Position) => `(${(+p[0]).toFixed(6)}, ${(+p[1]).toFixed(6)})`;

function bad(message: string, where?: [number, number]): RowProblem {
  return { code: 'invalid_geometry', message, field: 'geometry', ...(where ? { where } : {}) };
}
