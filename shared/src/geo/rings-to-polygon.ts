import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInRing } from './point-in-ring.ts';
import { signedRingArea } from './ring-area.ts';

/**
 * Assembles simple rings that bound one region (outer rings counter-clockwise, holes clockwise,
 * open: no closing repeat) into a Polygon, or a MultiPolygon when there are several outer rings.
 * Each hole goes to the smallest outer ring that contains it. Output rings are closed.
 */
export function ringsToPolygon(rings: Position[][]): Polygon | MultiPolygon {
  const outers: { ring: Position[]; area: number; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const area = signedRingArea(ring);
    if (area > 0) outers.push({ ring, area, holes: [] });
    else if (area < 0) holes.push(ring);
    else throw new Error(`Ring of zero area starting at (${ring[0][0]}, ${ring[0][1]})`);
  }
  if (outers.length === 0) throw new Error('No outer ring among the rings');
  outers.sort((a, b) => b.area - a.area);
  for (const hole of holes) {
    // The midpoint of a hole's edge is on no other ring (edges are not shared), so it tests cleanly.
    const x = (hole[0][0] + hole[1][0]) / 2;
    const y = (hole[0][1] + hole[1][1]) / 2;
    let owner: (typeof outers)[number] | undefined;
    for (const outer of outers) if (pointInRing(x, y, outer.ring)) owner = outer; // smallest last
    if (!owner) throw new Error(`Hole at (${x}, ${y}) lies in no outer ring`);
    owner.holes.push(hole);
  }
  const close = (ring: Position[]): Position[] => [...ring, ring[0]];
  const polygons = outers.map((o) => [close(o.ring), ...o.holes.map(close)]);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}
