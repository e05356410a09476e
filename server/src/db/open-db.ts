import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { cachePreparedStatements } from './statement-cache.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** How long a writer waits for a lock held by another connection, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) the SQLite database at `path` and brings its schema up to date:
 * every `migrations/*.sql` not yet recorded in the `migrations` table is applied, in name
 * order, each inside its own transaction.
 */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  cachePreparedStatements(db);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
  // last transactions, which a demo and a read-mostly map can afford.
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  applyMigrations(db);
  return db;
}

/** Applies pending migrations; returns the names applied now. */
export function applyMigrations(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) WITHOUT ROWID`);
  const applied = new Set(
    db.prepare('SELECT name FROM migrations').pluck().all() as string[],
  );
  const pending = readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  const record = db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)');
  // Foreign keys are off while a migration runs, so that a table others refer to can be rebuilt
  // (SQLite's documented way: the pragma is ignored inside a transaction), and checked before it commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (pending.length > 0) db.pragma('foreign_keys = OFF');
  try {
    for (const name of pending) {
      const sql = readFileSync(join(dir, name), 'utf8');
      db.transaction(() => {
        db.exec(sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${name} breaks ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
        record.run(name, new Date().toISOString());
      })();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return pending;
}
