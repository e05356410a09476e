import { Random } from '@gridmap/shared/demo/random';
import { buildMediationPointIndex, nearestMediationPoints } from '@gridmap/shared/mediation/mediation-point-index';
import { listOpenMediationPoints } from '@gridmap/server/db/mediation-points-sql';
import { median, quantile } from '../bench-utils.ts';
import { advantage, type ProvinceBench } from './province-bench.ts';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 20_000);
const PG_QUERIES = Number(process.env.BENCH_PG_QUERIES ?? 5_000);
/** Goal of issue 8: each query at least this many times faster than PostGIS KNN. */
const GOAL_RATIO = 10;

/**
 * Bench 3: the nearest mediation point to a place in the province, one query at a time:
 * ours (shared/src/mediation/mediation-point-index.ts, exact great-circle kNN) in process beside
 * PostGIS KNN (`ORDER BY geom <-> pt LIMIT 1` on a GiST index), timed inside the database per
 * query (no client round trip on either side). Places are random over the province's box.
 */
export const nearestBench: ProvinceBench = async ({ db, postgis, log }) => {
  const points = listOpenMediationPoints(db);
  const index = buildMediationPointIndex(points);
  const box = db.prepare('SELECT min_lon, min_lat, max_lon, max_lat FROM areas WHERE parent_id IS NULL').raw().get() as number[];
  const random = new Random(8, 'province-nearest');
  const queries = Array.from({ length: QUERIES }, () => ({ lon: box[0] + random.next() * (box[2] - box[0]), lat: box[1] + random.next() * (box[3] - box[1]) }));
  for (const q of queries.slice(0, 2_000)) nearestMediationPoints(index, { ...q, k: 1 }); // warm-up (JIT)
  const us: number[] = [];
  const answers: number[] = [];
  for (const q of queries) {
    const t0 = process.hrtime.bigint();
    const [hit] = nearestMediationPoints(index, { ...q, k: 1 });
    us.push(Number(process.hrtime.bigint() - t0) / 1_000);
    answers.push(hit.point.id);
  }
  const ours = median(us);
  log(`nearest: ours p50 ${ours.toFixed(2)} µs, p99 ${quantile(us, 0.99).toFixed(2)} µs over ${points.length} points`);

  const pg = await postgis();
  let peer: number | null = null, note = 'PostGIS not available';
  if (pg) {
    const n = Math.min(PG_QUERIES, queries.length);
    pg.psql(`CREATE TABLE IF NOT EXISTS q (n int PRIMARY KEY, lon float8, lat float8); TRUNCATE q;
      INSERT INTO q VALUES ${queries.slice(0, n).map((q, i) => `(${i}, ${q.lon}, ${q.lat})`).join(',')}; ANALYZE q;`);
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
    peer = Number(p50);
    const same = ids.split(',').filter((id, i) => Number(id) === answers[i]).length;
    note = `PostGIS: median of ${n} (p99 ${Number(p99).toFixed(0)} µs), planar <-> on geometry; same answer for ${((100 * same) / n).toFixed(1)} % (ours is great-circle)`;
  }
  const row = { ours, peer, higherIsBetter: false };
  return [{
    bench: '3 nearest', figure: `nearest of ${points.length.toLocaleString('en')} mediation points, one query`,
    ...row, unit: 'µs', goal: `≥ ${GOAL_RATIO}× PostGIS`, met: advantage(row) === null ? null : advantage(row)! >= GOAL_RATIO,
    note: `ours: median of ${QUERIES.toLocaleString('en')} (p99 ${quantile(us, 0.99).toFixed(1)} µs); ${note}`,
  }];
};
