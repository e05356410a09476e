import KDBush from 'kdbush';
import { mercatorX, mercatorY } from './mercator.ts';

/**
 * Points in Web Mercator world coordinates (0…1) and a KD-tree over the first `count`; points
 * appended since (`added`, in spare room after them) are searched one by one until the next rebuild.
 */
export interface PointIndex {
  count: number;
  /** Points appended after the tree was built, at indices count … count + added − 1. */
  added: number;
  x: Float64Array;
  y: Float64Array;
  /** Null when there are no points (KDBush needs at least one). */
  tree: KDBush | null;
}

/** Leaf size of the KD-tree: kdbush's default, a good balance of build and query time. */
const KD_NODE_SIZE = 64;

/** Projects lon/lat (degrees) once and indexes them, so that a tile query is a box query. */
export function buildPointIndex(lon: ArrayLike<number>, lat: ArrayLike<number>, headroom = 0): PointIndex {
  const count = lon.length;
  const x = new Float64Array(count + headroom);
  const y = new Float64Array(count + headroom);
  const tree = count > 0 ? new KDBush(count, KD_NODE_SIZE) : null;
  for (let i = 0; i < count; i++) {
    x[i] = mercatorX(lon[i]);
    y[i] = mercatorY(lat[i]);
    tree?.add(x[i], y[i]);
  }
  tree?.finish();
  return { count, added: 0, x, y, tree };
}

/** Indices of the points inside the box (edges included), in world coordinates. */
export function pointsInBox(index: PointIndex, minX: number, minY: number, maxX: number, maxY: number): number[] {
  const found = index.tree ? index.tree.range(minX, minY, maxX, maxY) : [];
  for (let i = index.count; i < index.count + index.added; i++) {
    if (index.x[i] >= minX && index.x[i] <= maxX && index.y[i] >= minY && index.y[i] <= maxY) found.push(i);
  }
  return found;
}

/** Appends a point in the spare room; its index, or -1 when there is no room left (rebuild then). */
export function appendPoint(index: PointIndex, lon: number, lat: number): number {
  const i = index.count + index.added;
  if (i >= index.x.length) return -1;
  index.x[i] = mercatorX(lon);
  index.y[i] = mercatorY(lat);
  index.added++;
  return i;
}

/**
 * Indexes up to `count` rows `[id, lon, lat, …]` (count first, so that every array is allocated
 * once at its size), handing each row and its index to `store` for the caller's own parallel
 * arrays. A row written after the count is left out; the next rebuild picks it up.
 */
export function indexRows<R extends readonly [number, number, number, ...unknown[]]>(
  count: number,
  rows: Iterable<R>,
  store: (row: R, i: number) => void,
  headroom = 0,
): PointIndex {
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  let i = 0;
  for (const row of rows) {
    if (i === count) break;
    lon[i] = row[1];
    lat[i] = row[2];
    store(row, i);
    i++;
  }
  return buildPointIndex(lon.subarray(0, i), lat.subarray(0, i), headroom);
}
