import type { HouseholdTag } from '@gridmap/shared';
import { countHouseholds, iterateHouseholdPoints } from '../db/tile-points-sql.ts';
import type { Db } from '../db/open-db.ts';
import { BinPyramid } from './bin-pyramid.ts';
import { indexRows, type PointIndex } from './point-index.ts';

/** Households as parallel typed arrays (a few bytes each) beside their point index. */
export interface HouseholdPoints {
  index: PointIndex;
  id: Uint32Array;
  size: Uint8Array;
  /** 1 when tagged migrant/renting. */
  migrant: Uint8Array;
  /** Per-cell counts for bins below the point zoom. */
  pyramid: BinPyramid;
  /** The grid each household lies in, so a scoped account's tiles hold only its own. */
  gridId: Uint32Array;
}

/** Sets the grid of the households in `grids` (id → grid) that the arrays hold (a plan moved them). */
export function regridHouseholdPoints(p: HouseholdPoints, grids: ReadonlyMap<number, number>): void {
  for (const [hid, grid] of grids) {
    // Read in id order: a binary search finds each.
    let lo = 0;
    let hi = p.index.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (p.id[mid] === hid) {
        p.gridId[mid] = grid;
        break;
      }
      if (p.id[mid] < hid) lo = mid + 1;
      else hi = mid - 1;
    }
  }
}

/** Reads every household once and indexes it (on the first household tile, not at start). */
export function loadHouseholdPoints(db: Db): HouseholdPoints {
  const n = countHouseholds(db);
  const id = new Uint32Array(n);
  const size = new Uint8Array(n);
  const migrant = new Uint8Array(n);
  const gridId = new Uint32Array(n);
  const index = indexRows(n, iterateHouseholdPoints(db), ([hid, , , hsize, tagsJson, grid], i) => {
    id[i] = hid;
    gridId[i] = grid;
    size[i] = Math.min(hsize, 255);
    if (tagsJson !== '[]') {
      const tags = JSON.parse(tagsJson) as HouseholdTag[];
      migrant[i] = tags.includes('migrant') ? 1 : 0;
    }
  });
  return { index, id, size, migrant, gridId, pyramid: new BinPyramid(index, []) };
}
