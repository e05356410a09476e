import type { Position } from 'geojson';

/**
 * Pairs of segment indices [i, j] (segment i runs from ring[i] to ring[i + 1]) of a closed ring
 * that cross or touch, other than neighbours sharing their common vertex. Empty for a simple ring.
 * O(n²) with a bounding-box test: fine for outlines of a few thousand vertices.
 */
export function ringSelfIntersections(ring: readonly Position[]): [number, number][] {
  const n = ring.length - 1;
  const found: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    const minX = Math.min(ax, bx), maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const [cx, cy] = ring[j];
      const [dx, dy] = ring[j + 1];
      if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
      if (segmentsMeet(ax, ay, bx, by, cx, cy, dx, dy, adjacent)) found.push([i, j]);
    }
  }
  return found;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

// Closed-segment intersection; for neighbours only an overlap beyond the shared vertex counts.
function segmentsMeet(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number, adjacent: boolean,
): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (adjacent) {
    // Neighbours share one vertex; they are bad only if collinear and folding back on each other.
    if (o1 !== 0 || o2 !== 0) return false;
    const shared = bx === cx && by === cy ? [bx, by] : [ax, ay];
    const other1 = shared[0] === ax && shared[1] === ay ? [bx, by] : [ax, ay];
    const other2 = shared[0] === cx && shared[1] === cy ? [dx, dy] : [cx, cy];
    const dot = (other1[0] - shared[0]) * (other2[0] - shared[0]) + (other1[1] - shared[1]) * (other2[1] - shared[1]);
    return dot > 0;
  }
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return true;
  return false;
}
