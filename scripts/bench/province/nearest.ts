import { Random } from '@gridmap/shared/demo/random';
import { buildMediationPointIndex, nearestMediationPoints } from '@gridmap/shared/mediation/mediation-point-index';
import { nearestByScan } from '@gridmap/shared/geo/nearest-by-scan';
import { listOpenMediationPoints } from '@gridmap/server/db/mediation-points-sql';
import { median, quantile } from '../bench-utils.ts';
import { advantage, type ProvinceBench } from './province-bench.ts';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 20_000);
const PG_QUERIES = Number(process.env.BENCH_PG_QUERIES ?? 5_000);
/** Runs of each side, in turn; the figure is the median of their medians. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Questions whose answer is compared with a brute-force scan of every point before timing. */
const SCAN_CHECKS = 2_000;
/** Goal of issue 8: each query at least this many times faster than PostGIS KNN. */
const GOAL_RATIO = 10;

/**
 * Bench 3: the nearest mediation point to a place in the province, one query at a time:
 * ours (shared/src/mediation/mediation-point-index.ts, exact great-circle kNN) in process beside
 * PostGIS KNN (`ORDER BY geom <-> pt LIMIT 1` on a GiST index), timed inside the database per
 * query (no client round trip on either side). Places are random over the province's box.
 * RUNS runs of each side in turn, after one untimed pass of ours (JIT) and a check of ours
 * against a brute-force scan.
 */
export const nearestBench: ProvinceBench = async ({ db, postgis, log }) => {
  const points = listOpenMediationPoints(db);
  const index = buildMediationPointIndex(points);
  const box = db.prepare('SELECT min_lon, min_lat, max_lon, max_lat FROM areas WHERE parent_id IS NULL').raw().get() as number[];
  const random = new Random(8, 'province-nearest');
  // The questions, built before timing as PostGIS's places are stored in a table before its loop.
  const queries = Array.from({ length: QUERIES }, () => ({ lon: box[0] + random.next() * (box[2] - box[0]), lat: box[1] + random.next() * (box[3] - box[1]), k: 1 }));
  // Exactness: the same point as a brute-force great-circle scan (ties by id), on a sample.
  const scanned = queries.slice(0, SCAN_CHECKS);
  const differ = scanned.filter((q) => nearestMediationPoints(index, q)[0].point.id !== nearestByScan(index.all.index, q.lon, q.lat, 1)[0].id).length;
  if (differ > 0) throw new Error(`nearest: ${differ} of ${scanned.length} answers differ from a brute-force scan`);
  for (const q of queries) nearestMediationPoints(index, q); // warm-up (JIT): every question once

  const pg = await postgis();
  const n = Math.min(PG_QUERIES, queries.length);
  pg?.psql(`CREATE TABLE IF NOT EXISTS q (n int PRIMARY KEY, lon float8, lat float8); TRUNCATE q;
    INSERT INTO q VALUES ${queries.slice(0, n).map((q, i) => `(${i}, ${q.lon}, ${q.lat})`).join(',')}; ANALYZE q;`);
  const ourRuns: number[] = [], ourP99: number[] = [], peerRuns: number[] = [], peerP99: number[] = [];
  let answers: number[] = [], same = 0;
  for (let run = 0; run < RUNS; run++) {
    // Ours and PostGIS in turn, so that both meet the same moments of a shared machine.
    const us: number[] = [];
    answers = [];
    for (const q of queries) {
      const t0 = process.hrtime.bigint();
      const [hit] = nearestMediationPoints(index, q);
      us.push(Number(process.hrtime.bigint() - t0) / 1_000);
      answers.push(hit.point.id);
    }
    ourRuns.push(median(us));
    ourP99.push(quantile(us, 0.99));
    log(`nearest: run ${run + 1}, ours p50 ${median(us).toFixed(2)} µs, p99 ${quantile(us, 0.99).toFixed(2)} µs over ${points.length} points`);
    if (!pg) continue;
    const out = pg.psql(`
      CREATE TEMP TABLE timings (n int, us float8, id int);
      DO $$ DECLARE r record; t0 timestamptz; hit int; BEGIN
        FOR r IN SELECT * FROM q ORDER BY n LOOP
          t0 := clock_timestamp();
          SELECT id INTO hit FROM mediation_points ORDER BY geom <-> ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) LIMIT 1;
          INSERT INTO timings VALUES (r.n, extract(epoch FROM clock_timestamp() - t0) * 1e6, hit);
        END LOOP; END $$;
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY us) || '|' || percentile_cont(0.99) WITHIN GROUP (ORDER BY us) || '|' || string_agg(id::text, ',' ORDER BY n) FROM timings;`);
    const [p50, p99, ids] = out.trim().split('|');
    peerRuns.push(Number(p50));
    peerP99.push(Number(p99));
    same = ids.split(',').filter((id, i) => Number(id) === answers[i]).length;
    log(`nearest: run ${run + 1}, PostGIS p50 ${Number(p50).toFixed(2)} µs, p99 ${Number(p99).toFixed(0)} µs`);
  }
  const ours = median(ourRuns);
  const peer = pg ? median(peerRuns) : null;
  const list = (xs: number[], digits: number) => xs.map((x) => x.toFixed(digits)).join(' / ');
  const note = pg
    ? `PostGIS: ${list(peerRuns, 1)} µs (median of ${n} each, p99 ${list(peerP99, 0)} µs), planar <-> on geometry; same answer for ${((100 * same) / n).toFixed(1)} % (ours is great-circle)`
    : 'PostGIS not available';
  const row = { ours, peer, higherIsBetter: false };
  return [{
    bench: '3 nearest', figure: `nearest of ${points.length.toLocaleString('en')} mediation points, one query`,
    ...row, unit: 'µs', goal: `≥ ${GOAL_RATIO}× PostGIS`, met: advantage(row) === null ? null : advantage(row)! >= GOAL_RATIO,
    note: `median of ${RUNS} runs; ours: ${list(ourRuns, 2)} µs (median of ${QUERIES.toLocaleString('en')} each, p99 ${list(ourP99, 1)} µs; `
      + `${scanned.length.toLocaleString('en')} checked against a brute-force great-circle scan, 0 differ); ${note}`,
  }];
};
