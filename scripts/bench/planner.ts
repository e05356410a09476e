import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanGrid, PlannerCommunity } from '@gridmap/shared';
import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { assignPoints } from '@gridmap/shared/plans/assign-points';
import { partitionFromGrids, partitionGeometries, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import { moveVertex } from '@gridmap/shared/plans/partition-edits';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import { applyPlan } from '@gridmap/server/db/apply-plan-sql';
import { openDatabase, type Db } from '@gridmap/server/db/open-db';
import { getPlannerCommunity, insertPlan } from '@gridmap/server/db/plans-sql';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { median, printTable, runWhenMain } from './bench-utils.ts';

// Figures of issue 6: applying a plan (validate, reassign, commit) over the full demo county,
// and reassigning all households from scratch beside a PostGIS ST_Contains join on the same data
// in the same run. Run: `pnpm bench` (all) or `npx tsx scripts/bench/planner.ts`.
// PostGIS comes from Debian's postgresql-15-postgis-3 (installed here when missing) in a
// throwaway cluster under /tmp that listens on a Unix socket only.

const RUNS = Number(process.env.BENCH_RUNS ?? 7); // repetitions per timed figure (median reported)
const GRIDS_TO_CHANGE = 10; // grids the applied plan changes
const WARMUP_APPLIES = 4; // untimed applies first (an even number: each run starts from the original grids)
const PG_BIN = '/usr/lib/postgresql/15/bin';
const POSTGIS_LIB = '/usr/lib/postgresql/15/lib/postgis-3.so';

/** Moves shared inner vertices a quarter along one of their edges until `count` grids have changed. */
function changeGrids(community: PlannerCommunity, count: number): GridPartition {
  let p = partitionFromGrids(community.grids, community.geometry);
  const changed = new Set<number>();
  const owners = new Map<number, number[]>();
  for (const g of p.grids) for (const v of new Set(g.polygons.flat(2))) owners.set(v, [...(owners.get(v) ?? []), g.id]);
  for (const g of p.grids) {
    const ring = g.polygons[0][0];
    for (let i = 0; i < ring.length && changed.size < count; i++) {
      const v = ring[i], w = ring[(i + 1) % ring.length];
      const grids = owners.get(v)!;
      if (p.locked.has(v) || grids.length < 2 || grids.every((id) => changed.has(id))) continue;
      const moved = moveVertex(p, v, p.xs[v] + (p.xs[w] - p.xs[v]) / 4, p.ys[v] + (p.ys[w] - p.ys[v]) / 4);
      if (validatePartition(moved, community.geometry).length > 0) continue;
      p = moved;
      for (const id of grids) changed.add(id);
    }
  }
  return p;
}

function benchApply(db: Db): [string, number, string, string][] {
  const id = db.prepare(`SELECT parent_id FROM areas WHERE level = 'grid' GROUP BY parent_id ORDER BY count(*) DESC, sum(households) DESC LIMIT 1`).pluck().get() as number;
  const original = getPlannerCommunity(db, id)!;
  const households = db.prepare(`SELECT count(*) FROM households WHERE grid_id IN (SELECT id FROM areas WHERE parent_id = ?)`).pluck().get(id) as number;
  const edited = partitionGeometries(changeGrids(original, GRIDS_TO_CHANGE));
  const back = original.grids.map((g) => ({ id: g.id, geometry: g.geometry }));
  const times: number[] = [];
  let changed = 0, moved = 0;
  // The first WARMUP_APPLIES are not timed: they compile the code paths (JIT) and warm SQLite's cache.
  for (let run = -WARMUP_APPLIES; run < RUNS * 2; run++) {
    // Alternately the edited grids and the original ones: each apply is the same size of change.
    const current = getPlannerCommunity(db, id)!;
    const grids = (run + WARMUP_APPLIES) % 2 === 0 ? edited : back;
    const plan = insertPlan(db, {
      communityId: id, author: 'bench', reason: 'bench', base: current.grids.map((g) => ({ id: g.id, version: g.version })),
      grids: grids as PlanGrid[],
    }, new Date().toISOString());
    const t0 = performance.now();
    const result = applyPlan(db, plan.id, 'bench', new Date().toISOString())!;
    if (run >= 0) times.push(performance.now() - t0);
    changed = result.changedGrids.length;
    moved = Math.max(moved, result.reassignedHouseholds);
  }
  return [[
    'apply a plan: validate, reassign, commit', median(times), 'ms',
    `median of ${times.length}; community ${id} (the most grids: ${original.grids.length}), ${changed} grids changed holding ${households} households, up to ${moved} change grid; goal < 50 ms`,
  ]];
}

function benchReassignAll(db: Db, pg: PostGis | null): [string, number | string, string, string?][] {
  const grids = (db.prepare(`SELECT id, geometry FROM areas WHERE level = 'grid'`).all() as { id: number; geometry: string }[])
    .map((g) => ({ id: g.id, geometry: JSON.parse(g.geometry) }));
  const rows = db.prepare('SELECT lon, lat, grid_id FROM households ORDER BY id').raw().all() as [number, number, number][];
  const lon = Float64Array.from(rows, (r) => r[0]), lat = Float64Array.from(rows, (r) => r[1]);
  const times: number[] = [];
  let result: Float64Array = new Float64Array(0);
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    result = assignPoints(grids, lon, lat);
    times.push(performance.now() - t0);
  }
  const wrong = rows.filter((r, i) => r[2] !== result[i]).length;
  const ours = median(times);
  const out: [string, number | string, string, string?][] = [[
    `reassign all ${rows.length.toLocaleString('en')} households from scratch (Flatbush + point-in-polygon)`, ours, 'ms',
    `median of ${RUNS}; ${grids.length} grids; ${wrong} differ from the stored grid; goal < 1000 ms`,
  ]];
  if (pg) {
    const theirs = pg.containsJoinMs;
    out.push(['the same by PostGIS ST_Contains join (GiST index)', theirs, 'ms', `median of ${pg.runs} (EXPLAIN ANALYZE execution time); ${pg.matched} households matched; PostGIS ${pg.version}; plan: ${pg.joinPlan}`]);
    out.push(['ratio PostGIS / ours', (theirs / ours).toFixed(2), '×', 'same data, same run']);
  } else out.push(['PostGIS ST_Contains join', 'skipped', '', 'PostGIS not available (see the message above)']);
  return out;
}

interface PostGis {
  containsJoinMs: number;
  runs: number;
  matched: number;
  version: string;
  /** The join's plan: which side the loop runs over. */
  joinPlan: string;
}

/** A throwaway PostGIS cluster in /tmp loaded with the grids and households; timed ST_Contains joins. */
function benchPostGis(db: Db): PostGis | null {
  if (!existsSync(POSTGIS_LIB)) {
    console.log('PostGIS missing: apt-get install -y postgresql-15-postgis-3');
    const apt = spawnSync('apt-get', ['install', '-y', 'postgresql-15-postgis-3'], { stdio: 'inherit' });
    if (apt.status !== 0 || !existsSync(POSTGIS_LIB)) return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = '5432'; // names the socket file in `dir` only: the cluster listens on no TCP address
  // initdb and postgres refuse to run as root: run them as the postgres user when we are root.
  const asPg = (cmd: string, args: string[]) =>
    process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const must = (r: ReturnType<typeof spawnSync>, what: string) => {
    if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
    return String(r.stdout);
  };
  try {
    must(asPg(`${PG_BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']), 'initdb');
    must(asPg(`${PG_BIN}/pg_ctl`, ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c shared_buffers=256MB -c work_mem=64MB -c max_parallel_workers_per_gather=0`, 'start']), 'pg_ctl start');
    const psql = (sql: string) => must(asPg('psql', ['-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql]), `psql ${sql.slice(0, 40)}`);
    const gridsCsv = join(dir, 'grids.csv'), householdsCsv = join(dir, 'households.csv');
    const grids = db.prepare(`SELECT id, geometry FROM areas WHERE level = 'grid'`).raw().all() as [number, string][];
    writeFileSync(gridsCsv, grids.map(([id, g]) => `${id}\t${g}`).join('\n') + '\n');
    const households = db.prepare('SELECT id, lon, lat FROM households').raw().all() as [number, number, number][];
    writeFileSync(householdsCsv, households.map((h) => h.join('\t')).join('\n') + '\n');
    chmodSync(gridsCsv, 0o644);
    chmodSync(householdsCsv, 0o644);
    psql('CREATE EXTENSION postgis');
    psql(`CREATE TABLE grids_in (id int, geojson text); COPY grids_in FROM '${gridsCsv}';
      CREATE TABLE grids AS SELECT id, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS geom FROM grids_in;
      CREATE INDEX grids_geom ON grids USING gist (geom);
      CREATE TABLE households_in (id int, lon float8, lat float8); COPY households_in FROM '${householdsCsv}';
      CREATE TABLE households AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom FROM households_in;`);
    // Both sides indexed, so that the planner may loop over grids and reuse each prepared polygon.
    psql('CREATE INDEX households_geom ON households USING gist (geom)');
    psql('VACUUM ANALYZE grids');
    psql('VACUUM ANALYZE households');
    const version = psql('SELECT postgis_lib_version()').trim();
    const times: number[] = [];
    let matched = 0;
    let joinPlan = '';
    for (let run = 0; run < RUNS; run++) {
      // The server-side time of the whole join, as EXPLAIN ANALYZE measures it (no transfer to the client).
      const plan = psql(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) SELECT h.id, g.id FROM households h JOIN grids g ON ST_Contains(g.geom, h.geom)`);
      const parsed = JSON.parse(plan)[0];
      if (run === 0) joinPlan = parsed.Plan['Node Type'] + ' / ' + (parsed.Plan.Plans ?? []).map((p: { 'Node Type': string; 'Relation Name'?: string }) => `${p['Node Type']} ${p['Relation Name'] ?? ''}`.trim()).join(', ');
      times.push(parsed['Execution Time']);
      matched = parsed.Plan['Actual Rows'];
    }
    return { containsJoinMs: median(times), runs: RUNS, matched, version, joinPlan };
  } catch (err) {
    console.log(`PostGIS run failed: ${(err as Error).message}`);
    return null;
  } finally {
    asPg(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-planner-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    seedCounty(db, generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: 1, now: new Date('2026-11-01T00:00:00Z') }));
    const pg = benchPostGis(db);
    const rows = [...benchReassignAll(db, pg), ...benchApply(db)];
    printTable('planner (issue 6)', rows);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, main);
