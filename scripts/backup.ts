import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATABASE = join(REPO_ROOT, 'data', 'gridmap.sqlite');

/**
 * An online backup of the database at `source` into a new file `out`, while the server goes on
 * reading and writing: `VACUUM INTO` copies one consistent snapshot (a read transaction, which
 * WAL lets writers work beside) into a compact file. Returns the integrity check of the copy.
 */
export function backupDatabase(source: string, out: string): { bytes: number; integrity: string } {
  if (existsSync(out)) throw new Error(`${out} exists: a backup never overwrites a file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
  const copy = new Database(out, { readonly: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true }) as string;
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const size = copy.pragma('page_size', { simple: true }) as number;
    return { bytes: pages * size, integrity };
  } finally {
    copy.close();
  }
}

/**
 * Puts the backup `from` in place of the database `to` (the server must be stopped): copied
 * beside it first and renamed over it, so `to` is either the old database or the whole backup,
 * and its WAL and shared-memory files are removed so that no old page is replayed over it.
 */
export function restoreDatabase(from: string, to: string): void {
  const check = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${from} fails its integrity check: ${integrity}`);
    const staging = `${to}.restoring`;
    rmSync(staging, { force: true });
    check.prepare('VACUUM INTO ?').run(staging);
    for (const suffix of ['-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
    renameSync(staging, to);
  } finally {
    check.close();
  }
}

/**
 * `pnpm backup [--database data/gridmap.sqlite] --out backups/x.sqlite` makes a backup while the
 * server runs; `pnpm backup --restore backups/x.sqlite [--database …]` puts one back (stop the
 * server first).
 */
export function main(argv = process.argv.slice(2)): void {
  const { values } = parseArgs({
    args: argv,
    options: { database: { type: 'string' }, out: { type: 'string' }, restore: { type: 'string' } },
    strict: true,
  });
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const database = values.database === undefined ? DEFAULT_DATABASE : resolve(cwd, values.database);
  if (values.restore !== undefined) {
    restoreDatabase(resolve(cwd, values.restore), database);
    console.log(`Restored ${values.restore} into ${database}`);
    return;
  }
  if (values.out === undefined) throw new Error('--out is required: where to write the backup (or --restore FILE)');
  const t = performance.now();
  const { bytes, integrity } = backupDatabase(database, resolve(cwd, values.out));
  console.log(`Backed up ${database} to ${values.out}: ${(bytes / 1048576).toFixed(1)} MB in ${Math.round(performance.now() - t)} ms, integrity ${integrity}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
