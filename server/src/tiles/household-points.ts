import type { HouseholdTag } from '@gridmap/shared';
import { chunksById, type Steps } from '../db/read-in-turns.ts';
import { householdIdSpan, householdPointsAfter, type HouseholdPointRow } from '../db/tile-points-sql.ts';
import type { Db } from '../db/open-db.ts';
import { BinPyramid } from './bin-pyramid.ts';
import { indexRowChunks, type PointIndex } from './point-index.ts';

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

/**
 * Reads every household once and indexes it (on the first household tile, not at start), a
 * chunk of rows per step, so that `runInTurns` can index a province's ten million between requests.
 */
export function* householdPointSteps(db: Db): Steps<HouseholdPoints> {
  const n = householdIdSpan(db);
  const id = new Uint32Array(n);
  const size = new Uint8Array(n);
  const migrant = new Uint8Array(n);
  const gridId = new Uint32Array(n);
  const rows = chunksById((after, limit) => householdPointsAfter(db, after, limit));
  const index = yield* indexRowChunks<HouseholdPointRow>(n, rows, ([hid, , , hsize, tagsJson, grid], i) => {
    id[i] = hid;
    gridId[i] = grid;
    size[i] = Math.min(hsize, 255);
    if (tagsJson !== '[]') {
      const tags = JSON.parse(tagsJson) as HouseholdTag[];
      migrant[i] = tags.includes('migrant') ? 1 : 0;
    }
  });
  const pyramid = yield* BinPyramid.inSteps(index, []);
  return { index, id, size, migrant, gridId, pyramid };
}
