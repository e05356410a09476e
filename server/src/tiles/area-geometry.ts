import { mercatorX, mercatorY } from './mercator.ts';
import { outlineCoordinates } from './outline-coordinates.ts';

/**
 * An area's outline projected once to Web Mercator world coordinates (0…1): polygons of rings,
 * each ring a flat [x0, y0, x1, y1, …] array, closed (last point = first). Kept in memory so that
 * a tile does not parse GeoJSON text again.
 */
export interface ProjectedArea {
  polygons: Float64Array[][];
  /**
   * Per ring, per point: the squared distance (world units²) at which Douglas–Peucker would drop
   * it (Infinity for the points it always keeps), worked out once, so that a tile at any zoom
   * keeps the points that matter at its scale by a comparison (geojson-vt does the same).
   */
  importance: Float64Array[][];
  /** [minX, minY, maxX, maxY] in world coordinates. */
  bbox: [number, number, number, number];
  /** Per polygon, [minX, minY, maxX, maxY] of each ring in turn: a ring off the tile is skipped, one inside it is not clipped. */
  ringBoxes: Float64Array[];
  /** Bytes the arrays take, for the cache's budget. */
  bytes: number;
}

/** Projects stored GeoJSON Polygon/MultiPolygon text. */
export function projectArea(geometryJson: string): ProjectedArea {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let bytes = 0;
  const importance: Float64Array[][] = [];
  const ringBoxes: Float64Array[] = [];
  const projected = outlineCoordinates(geometryJson).map((rings) => {
    const boxes = new Float64Array(rings.length * 4);
    ringBoxes.push(boxes);
    return rings.map((ring, r) => {
      const flat = new Float64Array(ring.length);
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i + 1 < ring.length; i += 2) {
        const x = mercatorX(ring[i]);
        const y = mercatorY(ring[i + 1]);
        flat[i] = x;
        flat[i + 1] = y;
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
      boxes.set([minX, minY, maxX, maxY], r * 4);
      bbox[0] = Math.min(bbox[0], minX);
      bbox[1] = Math.min(bbox[1], minY);
      bbox[2] = Math.max(bbox[2], maxX);
      bbox[3] = Math.max(bbox[3], maxY);
      bytes += flat.byteLength * 1.5 + 32;
      return flat;
    });
  });
  for (const rings of projected) importance.push(rings.map(ringImportance));
  return { polygons: projected, importance, bbox, ringBoxes, bytes };
}

/** Douglas–Peucker over a closed flat ring to the end, recording at which squared distance each point was kept. */
function ringImportance(flat: Float64Array): Float64Array {
  const n = flat.length / 2;
  const out = new Float64Array(n);
  if (n === 0) return out;
  out[0] = Infinity;
  out[n - 1] = Infinity;
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = (flat[2 * i] - flat[0]) ** 2 + (flat[2 * i + 1] - flat[1]) ** 2;
    if (d > farD) {
      far = i;
      farD = d;
    }
  }
  out[far] = Infinity;
  const stack: number[] = [0, far, far, n - 1];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    let maxD = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance2(flat[2 * i], flat[2 * i + 1], flat[2 * a], flat[2 * a + 1], flat[2 * b], flat[2 * b + 1]);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index < 0) continue;
    out[index] = maxD;
    stack.push(a, index, index, b);
  }
  return out;
}

type Ring = [number, number][];

/**
 * The area's rings in tile units of tile z/x/y (extent `extent`), clipped to the tile grown by
 * `buffer` units on each side and simplified (Douglas–Peucker) to `tolerance` units; outer rings
 * clockwise and holes anticlockwise on screen as MVT 2.1 asks. Rings that shrink below a
 * triangle vanish; an empty array means nothing of the area shows in the tile.
 */
export function areaTileRings(
  area: ProjectedArea,
  z: number,
  x: number,
  y: number,
  extent: number,
  buffer: number,
  tolerance: number,
): Ring[] {
  const scale = extent * 2 ** z;
  const ox = x * extent;
  const oy = y * extent;
  const lo = -buffer;
  const hi = extent + buffer;
  const out: Ring[] = [];
  // Points that matter at this zoom: those Douglas–Peucker keeps at `tolerance` tile units.
  const minImportance = (tolerance / scale) ** 2;
  for (let p = 0; p < area.polygons.length; p++) {
    const polygon = area.polygons[p];
    const boxes = area.ringBoxes[p];
    for (let r = 0; r < polygon.length; r++) {
      const x0 = boxes[r * 4] * scale - ox;
      const y0 = boxes[r * 4 + 1] * scale - oy;
      const x1 = boxes[r * 4 + 2] * scale - ox;
      const y1 = boxes[r * 4 + 3] * scale - oy;
      if (x1 < lo || x0 > hi || y1 < lo || y0 > hi) {
        if (r === 0) break; // the outer ring is off the tile: so are its holes
        continue;
      }
      const flat = polygon[r];
      const importance = area.importance[p][r];
      const points: Ring = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        if (importance[i / 2] >= minImportance) points.push([flat[i] * scale - ox, flat[i + 1] * scale - oy]);
      }
      const inside = x0 >= lo && x1 <= hi && y0 >= lo && y1 <= hi;
      const ring = simplifyRing(roundRing(inside ? points : clipRing(points, lo, hi)), tolerance);
      const area2 = ring.length < 4 ? 0 : signedArea2(ring);
      if (area2 === 0) {
        if (r === 0) break; // the outer ring is gone: so are its holes, which lie inside it
        continue;
      }
      // Outer rings positive (clockwise with y down), holes negative.
      if ((r === 0) !== area2 > 0) ring.reverse();
      out.push(ring);
    }
  }
  return out;
}

/** Sutherland–Hodgman against the square [lo, hi]² (open ring in, open ring out). */
export function clipRing(points: Ring, lo: number, hi: number): Ring {
  let ring = openRing(points);
  for (const [axis, bound, keepBelow] of [[0, lo, false], [0, hi, true], [1, lo, false], [1, hi, true]] as const) {
    if (ring.length === 0) break;
    const inside = (p: [number, number]) => (keepBelow ? p[axis] <= bound : p[axis] >= bound);
    const next: Ring = [];
    let prev = ring[ring.length - 1];
    let prevIn = inside(prev);
    for (const p of ring) {
      const pIn = inside(p);
      if (pIn !== prevIn) {
        const t = (bound - prev[axis]) / (p[axis] - prev[axis]);
        const cut: [number, number] = [prev[0] + (p[0] - prev[0]) * t, prev[1] + (p[1] - prev[1]) * t];
        cut[axis] = bound;
        next.push(cut);
      }
      if (pIn) next.push(p);
      prev = p;
      prevIn = pIn;
    }
    ring = next;
  }
  return ring;
}

function openRing(points: Ring): Ring {
  const n = points.length;
  if (n > 1 && points[0][0] === points[n - 1][0] && points[0][1] === points[n - 1][1]) return points.slice(0, n - 1);
  return points;
}

/** Integer tile units without repeated points, closed. */
function roundRing(points: Ring): Ring {
  const out: Ring = [];
  for (const [px, py] of points) {
    const p: [number, number] = [Math.round(px), Math.round(py)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length > 0) out.push([out[0][0], out[0][1]]);
  return out;
}

/** Douglas–Peucker over a closed ring, keeping its first point (iterative, no recursion depth limit). */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  const n = ring.length;
  if (n <= 4 || tolerance <= 0) return ring;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // A closed ring's first and last points coincide: split it at its farthest point first.
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2;
    if (d > farD) {
      far = i;
      farD = d;
    }
  }
  keep[far] = 1;
  const stack: [number, number][] = [[0, far], [far, n - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let maxD = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance2(ring[i][0], ring[i][1], ring[a][0], ring[a][1], ring[b][0], ring[b][1]);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

/** Squared distance from point p to segment a–b; in scalars, since it runs for every point of every outline and tuples cost a collection each. */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Twice the signed area of a closed ring (positive: clockwise on screen, y down). */
export function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}
