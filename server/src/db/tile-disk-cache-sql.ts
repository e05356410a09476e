import Database from 'better-sqlite3';
import type { Db } from './open-db.ts';
import { cachePreparedStatements } from './statement-cache.ts';

// The tile disk cache's own SQLite file (tiles/tile-disk-cache.ts): derived data only, never the
// county database, so that deleting the file loses nothing and the database stays untouched.

/** A stored tile: its gzip bytes (null for an empty tile), ETag and when it was made (ms since the epoch). */
export interface DiskTileRow {
  gzip: Buffer | null;
  etag: string;
  createdMs: number;
}

/** Opens (creating when missing) the cache file at `path` with its one table. */
export function openTileCacheFile(path: string): Db {
  const db = new Database(path);
  cachePreparedStatements(db);
  db.pragma('journal_mode = WAL');
  // A cache: a write lost to an OS crash is a tile made again, so no fsync per tile.
  db.pragma('synchronous = OFF');
  db.exec(`CREATE TABLE IF NOT EXISTS tiles (key TEXT PRIMARY KEY, etag TEXT NOT NULL, gzip BLOB, created_ms INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`);
  return db as Db;
}

export function getDiskTile(cache: Db, key: string): DiskTileRow | null {
  const row = cache.prepare('SELECT gzip, etag, created_ms AS createdMs FROM tiles WHERE key = ?').get(key) as DiskTileRow | undefined;
  return row ?? null;
}

export function putDiskTile(cache: Db, key: string, tile: DiskTileRow): void {
  cache.prepare('INSERT OR REPLACE INTO tiles (key, etag, gzip, created_ms) VALUES (?, ?, ?, ?)').run(key, tile.etag, tile.gzip, tile.createdMs);
}

/** Keys of the stored tiles whose key starts with `prefix`. */
export function diskTileKeys(cache: Db, prefix: string): string[] {
  // A range instead of LIKE: keys hold '_' and LIKE would need escaping; the primary key answers a range.
  return cache.prepare('SELECT key FROM tiles WHERE key >= ? AND key < ?').pluck().all(prefix, `${prefix}\uffff`) as string[];
}

/** Deletes the tiles of these keys, in one transaction. */
export function deleteDiskTiles(cache: Db, keys: readonly string[]): void {
  const del = cache.prepare('DELETE FROM tiles WHERE key = ?');
  cache.transaction(() => {
    for (const key of keys) del.run(key);
  })();
}

/** Deletes every stored tile and records `version` as the data version they will be made from. */
export function clearDiskTiles(cache: Db, version: string): void {
  cache.transaction(() => {
    cache.prepare('DELETE FROM tiles').run();
    setDiskCacheVersion(cache, version);
  })();
}

/** The data version the stored tiles were made from (see areaTilesVersion), or null for a new file. */
export function diskCacheVersion(cache: Db): string | null {
  return (cache.prepare("SELECT value FROM cache_meta WHERE key = 'version'").pluck().get() as string | undefined) ?? null;
}

export function setDiskCacheVersion(cache: Db, version: string): void {
  cache.prepare("INSERT OR REPLACE INTO cache_meta (key, value) VALUES ('version', ?)").run(version);
}

/** Tiles stored and their gzip bytes. */
export function diskTileStats(cache: Db): { tiles: number; bytes: number } {
  const [tiles, bytes] = cache.prepare('SELECT count(*), coalesce(sum(length(gzip)), 0) FROM tiles').raw().get() as [number, number];
  return { tiles, bytes };
}
