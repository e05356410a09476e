import KDBush from 'kdbush';
import { mercatorX, mercatorY } from './mercator.ts';

/** Points in Web Mercator world coordinates (0…1) and a KD-tree over them. */
export interface PointIndex {
  count: number;
  x: Float64Array;
  y: Float64Array;
  /** Null when there are no points (KDBush needs at least one). */
  tree: KDBush | null;
}

/** Leaf size of the KD-tree: kdbush's default, a good balance of build and query time. */
const KD_NODE_SIZE = 64;

/** Projects lon/lat (degrees) once and indexes them, so that a tile query is a box query. */
export function buildPointIndex(lon: ArrayLike<number>, lat: ArrayLike<number>): PointIndex {
  const count = lon.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const tree = count > 0 ? new KDBush(count, KD_NODE_SIZE) : null;
  for (let i = 0; i < count; i++) {
    x[i] = mercatorX(lon[i]);
    y[i] = mercatorY(lat[i]);
    tree?.add(x[i], y[i]);
  }
  tree?.finish();
  return { count, x, y, tree };
}

/** Indices of the points inside the box (edges included), in world coordinates. */
export function pointsInBox(index: PointIndex, minX: number, minY: number, maxX: number, maxY: number): number[] {
  return index.tree ? index.tree.range(minX, minY, maxX, maxY) : [];
}
