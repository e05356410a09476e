import { assignPoints } from '@gridmap/shared/plans/assign-points';
import { median } from '../bench-utils.ts';
import { advantage, type ProvinceBench } from './province-bench.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PG_RUNS = Number(process.env.BENCH_PG_RUNS ?? 3);
/** Goal of issue 8: reassignment at least this many times faster than PostGIS. */
const GOAL_RATIO = 10;

/**
 * Bench 2: every household of the province reassigned to the grid that contains it, from
 * scratch (shared/src/plans/assign-points.ts: Flatbush over the grids' boxes, then
 * point-in-polygon) beside PostGIS's ST_Contains join over GiST indexes, server-side time.
 */
export const reassignBench: ProvinceBench = async ({ db, postgis, log }) => {
  log('reassign: reading grids and households …');
  const grids = (db.prepare(`SELECT id, geometry FROM areas WHERE level = 'grid'`).all() as { id: number; geometry: string }[])
    .map((g) => ({ id: g.id, geometry: JSON.parse(g.geometry) }));
  const count = db.prepare('SELECT count(*) FROM households').pluck().get() as number;
  const lon = new Float64Array(count), lat = new Float64Array(count), stored = new Int32Array(count);
  let i = 0;
  for (const [x, y, g] of db.prepare('SELECT lon, lat, grid_id FROM households ORDER BY id').raw().iterate() as IterableIterator<[number, number, number]>) {
    (lon[i] = x), (lat[i] = y), (stored[i] = g), i++;
  }
  const times: number[] = [];
  let result: Float64Array = new Float64Array(0);
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    result = assignPoints(grids, lon, lat);
    times.push(performance.now() - t0);
    log(`reassign: ours run ${run + 1}: ${(times.at(-1)! / 1000).toFixed(2)} s`);
  }
  let differ = 0;
  for (let k = 0; k < count; k++) if (result[k] !== stored[k]) differ++;
  const ours = median(times) / 1000;

  const pg = await postgis();
  let peer: number | null = null, note = 'PostGIS not available';
  if (pg) {
    const pgTimes: number[] = [];
    let matched = 0;
    for (let run = 0; run < PG_RUNS; run++) {
      // The server-side time of the whole join (EXPLAIN ANALYZE), no transfer to a client.
      const plan = JSON.parse(pg.psql('EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) SELECT h.id, g.id FROM households h JOIN grids g ON ST_Contains(g.geom, h.geom)'))[0];
      pgTimes.push(plan['Execution Time'] / 1000);
      matched = plan.Plan['Actual Rows'];
      log(`reassign: PostGIS run ${run + 1}: ${pgTimes.at(-1)!.toFixed(2)} s`);
    }
    peer = median(pgTimes);
    note = `PostGIS: median of ${PG_RUNS} (EXPLAIN ANALYZE), ${matched.toLocaleString('en')} pairs matched; PostGIS ${pg.version}`;
  }
  const row = { ours, peer, higherIsBetter: false };
  return [{
    bench: '2 reassignment', figure: `all ${count.toLocaleString('en')} households to ${grids.length.toLocaleString('en')} grids`,
    ...row, unit: 's', goal: `≥ ${GOAL_RATIO}× PostGIS`, met: advantage(row) === null ? null : advantage(row)! >= GOAL_RATIO,
    note: `ours: median of ${RUNS}, ${differ} differ from the stored grid; ${note}`,
  }];
};
