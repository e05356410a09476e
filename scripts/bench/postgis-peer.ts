import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './bench-utils.ts';

// The PostGIS peer of the nearest benchmark: Debian's postgresql-15-postgis-3 (installed with
// apt-get where missing), a throwaway cluster in /tmp run as the `postgres` user, the same
// points as geography with a GiST index, and KNN (`<->`) timed inside the database so that no
// client round trip is counted. Never part of `pnpm test`.

const PG_BIN = '/usr/lib/postgresql/15/bin';
const POSTGIS_CONTROL = '/usr/share/postgresql/15/extension/postgis.control';
const PG_PACKAGE = 'postgresql-15-postgis-3';

export interface PeerPoint {
  id: number;
  lon: number;
  lat: number;
  disputeKinds: string[];
}

export interface PeerQuery {
  lon: number;
  lat: number;
  kind: string;
}

export interface PostgisTimings {
  version: string;
  /** Per-query time in µs inside the database, one entry per variant. */
  variants: { name: string; p50: number; p99: number; mean: number }[];
  /** Ids of the k nearest per query (no filter), for comparing answers. */
  answers: number[][];
}

/** Installs PostGIS from Debian when it is missing; false when that is not possible here (every PostGIS peer uses it). */
export function ensurePostgis(): boolean {
  if (existsSync(join(PG_BIN, 'initdb')) && existsSync(POSTGIS_CONTROL)) return true;
  if (process.getuid?.() !== 0) {
    console.log(`PostGIS peer skipped: ${PG_PACKAGE} is not installed and this is not root (apt-get install -y ${PG_PACKAGE}).`);
    return false;
  }
  console.log(`Installing ${PG_PACKAGE} with apt-get …`);
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', PG_PACKAGE], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return install.status === 0 && existsSync(POSTGIS_CONTROL);
}

/** Runs a command as the `postgres` user when we are root (initdb refuses root), else as ourselves. */
function asPostgres(command: string[], input?: string): string {
  const root = process.getuid?.() === 0;
  const [file, args] = root ? ['su', ['postgres', '-s', '/bin/sh', '-c', command.map(shellQuote).join(' ')]] : [command[0], command.slice(1)];
  return execFileSync(file, args as string[], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Times k-nearest queries in PostGIS over `points`; null when PostGIS cannot be had here. */
export async function postgisKnn(points: PeerPoint[], queries: PeerQuery[], k: number): Promise<PostgisTimings | null> {
  if (!ensurePostgis()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const psql = (sql: string) =>
    asPostgres([join(PG_BIN, 'psql'), '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-f', '-'], sql);
  let started = false;
  try {
    asPostgres([join(PG_BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    asPostgres([join(PG_BIN, 'pg_ctl'), '-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`, 'start']);
    started = true;
    const pointRows = points.map((p) => `${p.id}\tSRID=4326;POINT(${p.lon} ${p.lat})\t{${p.disputeKinds.join(',')}}`).join('\n');
    const queryRows = queries.map((q, n) => `${n}\t${q.lon}\t${q.lat}\t${q.kind}`).join('\n');
    const load = join(dir, 'load.sql');
    writeFileSync(load, `
      CREATE EXTENSION postgis;
      CREATE TABLE mp (id int PRIMARY KEY, geog geography(Point, 4326) NOT NULL, kinds text[] NOT NULL);
      COPY mp FROM stdin;
${pointRows}
\\.
      CREATE INDEX mp_geog ON mp USING gist (geog);
      CREATE TABLE q (n int PRIMARY KEY, lon float8, lat float8, kind text);
      COPY q FROM stdin;
${queryRows}
\\.
      ANALYZE;
    `);
    chmodSync(load, 0o644);
    psql(`\\i ${load}`);
    const version = psql('SELECT postgis_lib_version();').trim();
    const variant = (name: string, where: string, settings = '', queryLimit = queries.length) => {
      const out = psql(`
        ${settings}
        CREATE TEMP TABLE timings (us float8);
        DO $$ DECLARE r record; t0 timestamptz; ids int[]; BEGIN
          FOR r IN SELECT * FROM q WHERE n < ${queryLimit} ORDER BY n LOOP
            t0 := clock_timestamp();
            SELECT array_agg(id) INTO ids FROM (
              SELECT id FROM mp ${where}
              ORDER BY geog <-> ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography, id LIMIT ${k}) s;
            INSERT INTO timings VALUES (extract(epoch FROM clock_timestamp() - t0) * 1e6);
          END LOOP; END $$;
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY us), percentile_cont(0.99) WITHIN GROUP (ORDER BY us), avg(us) FROM timings;`);
      const [p50, p99, mean] = out.trim().split('|').map(Number);
      return { name, p50, p99, mean };
    };
    const variants = [
      variant('no filter', ''),
      variant('dispute kind', 'WHERE r.kind = ANY (kinds)'),
      // Forcing the GiST path makes each query tens of ms on this few points: a sample suffices.
      variant('no filter, index forced (enable_seqscan=off; 200 queries)', '', 'SET enable_seqscan = off;', 200),
    ];
    const answersText = psql(`
      SELECT string_agg(ids, E'\\n' ORDER BY n) FROM (
        SELECT q.n, (SELECT string_agg(id::text, ',' ORDER BY d, id) FROM (
          SELECT id, geog <-> ST_SetSRID(ST_MakePoint(q.lon, q.lat), 4326)::geography AS d FROM mp
          ORDER BY d, id LIMIT ${k}) s) AS ids FROM q) t;`);
    const answers = answersText.trim().split('\n').map((line) => line.split(',').map(Number));
    return { version, variants, answers };
  } finally {
    if (started) {
      try {
        asPostgres([join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
      } catch (err) {
        console.error('pg_ctl stop failed:', err);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
