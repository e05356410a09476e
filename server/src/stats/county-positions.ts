import { concatTypedArrays } from '@gridmap/shared/arrays/concat-typed-arrays';
import { memoUntilAreasChange } from '../db/memo-until-write.ts';
import type { Db } from '../db/open-db.ts';
import { areaCounties } from '../db/stats-sql.ts';
import { incidentStatsStore, type IncidentStatsStore } from './incident-stats-store.ts';

/**
 * The figures store cut by county: each county's incidents as positions in the store, ascending
 * (so in report order). A town's figures (its siblings are in its county) then read the ~20,000
 * incidents of one county instead of a province's two million; a county's, its city's counties.
 */
export interface CountyPositions {
  /** Each area's county by area id (−1: above a county, or none). */
  countyOf: Int32Array;
  /** Positions of each county's incidents in the store, ascending. */
  positions: Map<number, Uint32Array>;
}

/** The county of every area at or below one, as an array by id; kept until an area changes. */
const countiesById = memoUntilAreasChange((db: Db): Int32Array => {
  const pairs = areaCounties(db);
  let maxId = 0;
  for (const [id] of pairs) maxId = Math.max(maxId, id);
  const countyOf = new Int32Array(maxId + 1).fill(-1);
  for (const [id, county] of pairs) countyOf[id] = county;
  return countyOf;
});

/** How many counties the database holds; kept until an area changes. */
const countyCount = memoUntilAreasChange((db: Db): number => new Set(countiesById(db)).size - (countiesById(db).includes(-1) ? 1 : 0));

function cut(store: IncidentStatsStore, countyOf: Int32Array): Map<number, Uint32Array> {
  const sizes = new Map<number, number>();
  const countyAt = (i: number) => (store.gridId[i] < countyOf.length ? countyOf[store.gridId[i]] : -1);
  for (let i = 0; i < store.count; i++) {
    const county = countyAt(i);
    if (county >= 0) sizes.set(county, (sizes.get(county) ?? 0) + 1);
  }
  const positions = new Map([...sizes].map(([county, size]) => [county, new Uint32Array(size)]));
  const filled = new Map<number, number>();
  for (let i = 0; i < store.count; i++) {
    const county = countyAt(i);
    if (county < 0) continue;
    const at = filled.get(county) ?? 0;
    positions.get(county)![at] = i;
    filled.set(county, at + 1);
  }
  return positions;
}

interface Cut {
  store: IncidentStatsStore;
  /** Rows of the store the cut holds (positions below it). */
  count: number;
  regrids: number;
  countyOf: Int32Array;
  positions: Map<number, Uint32Array>;
}

const cuts = new WeakMap<Db, Cut>();

/**
 * The store's county positions. Reports appended since the last cut are added to their
 * counties' lists (a write adds one or two: microseconds); the store is cut again in full (a
 * pass over it, tens of ms for a province) only when it was read afresh or grown, a change moved
 * an incident to another grid, or the areas changed.
 */
export function countyPositions(db: Db): CountyPositions {
  const store = incidentStatsStore(db);
  const countyOf = countiesById(db);
  const hit = cuts.get(db);
  if (hit && hit.store === store && hit.regrids === store.regrids && hit.countyOf === countyOf && hit.count <= store.count) {
    if (hit.count < store.count) appendPositions(hit, store);
    return hit;
  }
  const fresh: Cut = { store, count: store.count, regrids: store.regrids, countyOf, positions: cut(store, countyOf) };
  cuts.set(db, fresh);
  return fresh;
}

/** Adds the store's positions from `at.count` on (reports appended in report order) to their counties. */
function appendPositions(at: Cut, store: IncidentStatsStore): void {
  const added = new Map<number, number[]>();
  for (let i = at.count; i < store.count; i++) {
    const county = store.gridId[i] < at.countyOf.length ? at.countyOf[store.gridId[i]] : -1;
    if (county >= 0) (added.get(county) ?? added.set(county, []).get(county)!).push(i);
  }
  for (const [county, positions] of added) {
    at.positions.set(county, concatTypedArrays([at.positions.get(county) ?? new Uint32Array(0), Uint32Array.from(positions)], Uint32Array));
  }
  at.count = store.count;
}

/** The first k in `list` whose incident was reported at or after `ms`. */
function firstAtOrAfter(store: IncidentStatsStore, list: Uint32Array, ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (store.reportedMs[list[mid]] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The store positions of the incidents reported in [start, end) in the counties holding
 * `targets`, ascending (report order, as a pass over the whole store meets them); null when a
 * target lies above a county (a city, the province): then the whole store is read.
 */
export function positionsFor(db: Db, store: IncidentStatsStore, targets: readonly number[], start: number, end: number): Uint32Array | null {
  // One county (the county demo): its incidents are the whole store, read without a cut.
  if (countyCount(db) <= 1) return null;
  const { countyOf, positions } = countyPositions(db);
  const counties = new Set<number>();
  for (const id of targets) {
    const county = id < countyOf.length ? countyOf[id] : -1;
    if (county < 0) return null;
    counties.add(county);
  }
  const parts = [...counties].map((county) => {
    const list = positions.get(county) ?? new Uint32Array(0);
    return list.subarray(firstAtOrAfter(store, list, start), firstAtOrAfter(store, list, end));
  });
  return parts.length === 1 ? parts[0] : concatTypedArrays(parts, Uint32Array).sort();
}
