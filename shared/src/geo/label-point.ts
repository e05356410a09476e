import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInPolygon } from './point-in-ring.ts';
import { signedRingArea } from './ring-area.ts';

/**
 * A point inside the polygon for its label: the middle of the widest inside stretch of the
 * horizontal line through the largest part's centroid (the centroid itself may lie outside a
 * bent shape).
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((best, p) => (signedRingArea(p[0]) > signedRingArea(best[0]) ? p : best));
  const outer = largest[0];
  const [cx, cy] = ringCentroid(outer);
  if (pointInPolygon(cx, cy, geometry)) return [cx, cy];
  const xs: number[] = [];
  for (const ring of largest) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
      if ((ay > cy) !== (by > cy)) xs.push(ax + ((cy - ay) * (bx - ax)) / (by - ay));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [outer[0][0], outer[0][1]], width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) (width = xs[i + 1] - xs[i]), (best = [(xs[i] + xs[i + 1]) / 2, cy]);
  }
  return best;
}

function ringCentroid(ring: readonly Position[]): [number, number] {
  const [ox, oy] = ring[0];
  let a = 0, x = 0, y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = ring[i][0] - ox, y0 = ring[i][1] - oy, x1 = ring[i + 1][0] - ox, y1 = ring[i + 1][1] - oy;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return a === 0 ? [ox, oy] : [ox + x / (3 * a), oy + y / (3 * a)];
}
