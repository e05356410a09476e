import Flatbush from 'flatbush';
import { pointInPolygon } from '../geo/point-in-ring.ts';
import type { GridGeometry } from './grid-partition.ts';
import { bboxOf } from './partition-balance.ts';

/**
 * For each point, the id of the grid that contains it, or 0 outside every grid: a packed
 * R-tree (Flatbush) over the grids' boxes finds the few candidates, point-in-polygon decides.
 * This is reassignment from scratch; a plan reassigns only the points of the grids it changes.
 */
export function assignPoints(grids: readonly GridGeometry[], lon: ArrayLike<number>, lat: ArrayLike<number>): Float64Array {
  const index = new Flatbush(Math.max(grids.length, 1));
  for (const g of grids) index.add(...bboxOf(g.geometry));
  if (grids.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const out = new Float64Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i], y = lat[i];
    for (const k of index.search(x, y, x, y)) {
      if (k < grids.length && pointInPolygon(x, y, grids[k].geometry)) {
        out[i] = grids[k].id;
        break;
      }
    }
  }
  return out;
}
