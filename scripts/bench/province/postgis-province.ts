import { spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Db } from '@gridmap/server/db/open-db';
import { ensurePostgis } from '../postgis-peer.ts';

// The PostGIS peer of the province benches (issue 8): Debian's postgresql-15-postgis-3 (installed
// with apt-get where missing, as scripts/bench/planner.ts does), one throwaway cluster under /tmp
// listening on a Unix socket only, loaded with the province's grids, households, incidents and
// mediation points by COPY, each with a GiST index. Never part of `pnpm test`.

const PG_BIN = '/usr/lib/postgresql/15/bin';
/** Settings of the throwaway cluster: no durability (a bench), memory a 24 GB machine affords, no parallel workers (2 cores). */
const PG_SETTINGS = `-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB ` +
  `-c work_mem=256MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0`;

/** Seconds each part of loading took, server side. */
export interface PgLoadTimes {
  householdsCopyS: number;
  householdsIndexS: number;
  incidentsCopyS: number;
  incidentsIndexS: number;
  households: number;
  incidents: number;
}

export interface PostgisProvince {
  version: string;
  load: PgLoadTimes;
  /** Runs SQL through psql (-qAt) and returns its output. */
  psql(sql: string): string;
  stop(): void;
}

/** Writes the rows of `sql` (raw) as tab-separated lines, through `format`, streaming. */
async function dumpTsv(db: Db, sql: string, path: string, format: (row: unknown[]) => string): Promise<number> {
  const out = createWriteStream(path);
  let n = 0, chunk = '';
  for (const row of db.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) {
    chunk += format(row) + '\n';
    if (++n % 10_000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
  chmodSync(path, 0o644);
  return n;
}

/** COPY text escaping: backslash, tab, newline; null as \N. */
const text = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

/**
 * Starts a cluster and loads the province from the SQLite file: grids (GeoJSON → geometry) and
 * mediation points untimed, households and incidents by COPY then their indexes (GiST on the
 * point plus the b-trees our schema has), each timed. Null when PostGIS cannot be had.
 */
export async function startPostgisProvince(db: Db, log: (line: string) => void): Promise<PostgisProvince | null> {
  if (!ensurePostgis()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-pg-province-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = '5432'; // names the socket file in `dir` only
  const asPg = (cmd: string, args: string[], input?: string) => {
    const options = { encoding: 'utf8' as const, maxBuffer: 1 << 28, ...(input === undefined ? {} : { input }) };
    return process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], options) : spawnSync(cmd, args, options);
  };
  const must = (r: ReturnType<typeof spawnSync>, what: string) => {
    if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.error?.message}): ${r.stderr}`);
    return String(r.stdout);
  };
  // SQL goes in on stdin: a long statement (thousands of query points) exceeds one argument's limit.
  const psql = (sql: string) => must(asPg('psql', ['-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-f', '-'], sql), `psql ${sql.slice(0, 60)}`);
  const timed = (sql: string) => {
    const t = performance.now();
    psql(sql);
    return (performance.now() - t) / 1000;
  };
  let started = false;
  const stop = () => {
    if (started) asPg(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    must(asPg(`${PG_BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']), 'initdb');
    must(asPg(`${PG_BIN}/pg_ctl`, ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} ${PG_SETTINGS}`, 'start']), 'pg_ctl start');
    started = true;
    psql('CREATE EXTENSION postgis');
    const version = psql('SELECT postgis_lib_version()').trim();

    log('PostGIS: writing the province as COPY files (not timed) …');
    const files = { grids: join(dir, 'grids.tsv'), points: join(dir, 'points.tsv'), households: join(dir, 'households.tsv'), incidents: join(dir, 'incidents.tsv') };
    await dumpTsv(db, `SELECT id, geometry FROM areas WHERE level = 'grid'`, files.grids, (r) => `${r[0]}\t${r[1]}`);
    await dumpTsv(db, 'SELECT id, lon, lat FROM mediation_points WHERE closed_at IS NULL', files.points, (r) => `${r[0]}\tSRID=4326;POINT(${r[1]} ${r[2]})`);
    const households = await dumpTsv(db, 'SELECT id, grid_id, lon, lat, address, size, tags, head_name, phone FROM households', files.households,
      (r) => `${r[0]}\t${r[1]}\tSRID=4326;POINT(${r[2]} ${r[3]})\t${text(r[4])}\t${r[5]}\t${text(r[6])}\t${text(r[7])}\t${text(r[8])}`);
    const incidents = await dumpTsv(db, `SELECT id, kind, status, severity, source, level, origin_level, description, lon, lat, grid_id,
        household_id, mediation_point_id, assignee, referred_to, reported_at, deadline_at, resolved_at, closed_at FROM incidents`, files.incidents,
      (r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], text(r[7]), `SRID=4326;POINT(${r[8]} ${r[9]})`, ...r.slice(10).map(text)].join('\t'));

    psql(`CREATE TABLE grids_in (id int, geojson text); COPY grids_in FROM '${files.grids}';
      CREATE TABLE grids AS SELECT id, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS geom FROM grids_in;
      CREATE INDEX grids_geom ON grids USING gist (geom); DROP TABLE grids_in;
      CREATE TABLE mediation_points (id int PRIMARY KEY, geom geometry(Point, 4326) NOT NULL); COPY mediation_points FROM '${files.points}';
      CREATE INDEX mediation_points_geom ON mediation_points USING gist (geom);`);
    psql(`CREATE TABLE households (id bigint PRIMARY KEY, grid_id int NOT NULL, geom geometry(Point, 4326) NOT NULL, address text NOT NULL,
      size int NOT NULL, tags text NOT NULL, head_name text NOT NULL, phone text NOT NULL)`);
    psql(`CREATE TABLE incidents (id bigint PRIMARY KEY, kind text NOT NULL, status text NOT NULL, severity int NOT NULL, source text NOT NULL,
      level text NOT NULL, origin_level text NOT NULL, description text NOT NULL, geom geometry(Point, 4326) NOT NULL, grid_id int NOT NULL,
      household_id bigint, mediation_point_id int, assignee text, referred_to text, reported_at text NOT NULL, deadline_at text NOT NULL,
      resolved_at text, closed_at text)`);
    log(`PostGIS: COPY ${households.toLocaleString('en')} households and ${incidents.toLocaleString('en')} incidents, then their indexes …`);
    const load: PgLoadTimes = {
      households, incidents,
      householdsCopyS: timed(`COPY households FROM '${files.households}'`),
      householdsIndexS: timed('CREATE INDEX households_geom ON households USING gist (geom); CREATE INDEX households_grid ON households (grid_id)'),
      incidentsCopyS: timed(`COPY incidents FROM '${files.incidents}'`),
      incidentsIndexS: timed(`CREATE INDEX incidents_geom ON incidents USING gist (geom);
        CREATE INDEX incidents_grid ON incidents (grid_id, status, deadline_at); CREATE INDEX incidents_status ON incidents (status, deadline_at);
        CREATE INDEX incidents_reported_at ON incidents (reported_at); CREATE INDEX incidents_kind ON incidents (kind)`),
    };
    for (const f of Object.values(files)) rmSync(f, { force: true });
    psql('VACUUM ANALYZE');
    return { version, load, psql, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
