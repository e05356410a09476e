import { spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@gridmap/server/db/open-db';
import { ensurePostgis } from '../postgis-peer.ts';

// A throwaway PostgreSQL cluster with PostGIS for the province benches (issue 8): Debian's
// postgresql-15-postgis-3 (installed with apt-get where missing), under /tmp, on a Unix socket
// only, no durability. Each PostGIS peer loads its own tables into one. Never part of `pnpm test`.

const PG_BIN = '/usr/lib/postgresql/15/bin';
/** Settings every bench cluster shares: no durability (a bench), no parallel workers (2 cores), memory a 24 GB machine affords. */
const PG_SETTINGS = `-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off ` +
  `-c work_mem=256MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c max_parallel_workers_per_gather=0 -c max_parallel_maintenance_workers=0`;

export interface PgCluster {
  /** Its folder, where COPY files go (readable by the postgres user). */
  dir: string;
  /** `postgis_lib_version()`. */
  version: string;
  /** Runs SQL through psql (-qAt, on stdin: a long statement exceeds one argument's limit) and returns its output. */
  psql(sql: string): string;
  stop(): void;
}

/** Starts a cluster with PostGIS and `extraSettings` (postgres -c options); null when PostGIS cannot be had here. */
export function startPgCluster(prefix: string, extraSettings: string): PgCluster | null {
  if (!ensurePostgis()) return null;
  const dir = mkdtempSync(join(tmpdir(), prefix));
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
  const psql = (sql: string) =>
    must(asPg('psql', ['-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-f', '-'], sql), `psql ${sql.slice(0, 60)}`);
  let started = false;
  const stop = () => {
    if (started) asPg(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    must(asPg(`${PG_BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']), 'initdb');
    must(asPg(`${PG_BIN}/pg_ctl`, ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} ${PG_SETTINGS} ${extraSettings}`, 'start']), 'pg_ctl start');
    started = true;
    psql('CREATE EXTENSION postgis');
    return { dir, version: psql('SELECT postgis_lib_version()').trim(), psql, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** Writes the rows of `sql` (raw) as tab-separated lines, through `format`, streaming; returns the row count. */
export async function dumpTsv(db: Db, sql: string, path: string, format: (row: unknown[]) => string): Promise<number> {
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
export const copyText = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
