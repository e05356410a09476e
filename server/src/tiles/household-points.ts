import type { HouseholdTag } from '@gridmap/shared';
import { countHouseholds, iterateHouseholdPoints } from '../db/tile-points-sql.ts';
import type { Db } from '../db/open-db.ts';
import { indexRows, type PointIndex } from './point-index.ts';

/** Households as parallel typed arrays (a few bytes each) beside their point index. */
export interface HouseholdPoints {
  index: PointIndex;
  id: Uint32Array;
  size: Uint8Array;
  /** 1 when tagged migrant/renting. */
  migrant: Uint8Array;
  /** The grid each household lies in, so a scoped account's tiles hold only its own. */
  gridId: Uint32Array;
}

/** Reads every household once and indexes it. */
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
  return { index, id, size, migrant, gridId };
}
