import {
  clearDiskTiles, deleteDiskTiles, diskCacheVersion, diskTileKeys, diskTileStats, getDiskTile, openTileCacheFile, putDiskTile,
  setDiskCacheVersion,
} from '../db/tile-disk-cache-sql.ts';
import type { Db } from '../db/open-db.ts';
import type { CachedTile } from './tile-cache.ts';

/**
 * Encoded tiles kept in a SQLite file of their own beside the database, so that they outlive a
 * restart: meant for the tiles that are few and costly to make (low-zoom area tiles, which draw
 * whole county and town outlines). The file records the data version its tiles were made from
 * (areaTilesVersion); opened against another version it starts empty, and a write that redraws
 * areas deletes exactly the tiles it touches and records the new version.
 */
export class TileDiskCache {
  private constructor(private readonly file: Db) {}

  /** Opens the cache file at `path` (created when missing), emptied unless its tiles were made from `version`. */
  static open(path: string, version: string): TileDiskCache {
    const file = openTileCacheFile(path);
    if (diskCacheVersion(file) !== version) clearDiskTiles(file, version);
    return new TileDiskCache(file);
  }

  get(key: string): CachedTile | undefined {
    return getDiskTile(this.file, key) ?? undefined;
  }

  set(key: string, tile: CachedTile): void {
    putDiskTile(this.file, key, tile);
  }

  /** Deletes the tiles whose key starts with `prefix` and passes `test`; then records `version`. */
  deleteWhere(prefix: string, test: (key: string) => boolean, version: string): void {
    deleteDiskTiles(this.file, diskTileKeys(this.file, prefix).filter(test));
    setDiskCacheVersion(this.file, version);
  }

  /** Deletes every tile (an import redrew areas) and records `version`. */
  clear(version: string): void {
    clearDiskTiles(this.file, version);
  }

  /** Tiles stored and their gzip bytes. */
  get stats(): { tiles: number; bytes: number } {
    return diskTileStats(this.file);
  }

  close(): void {
    if (this.file.open) this.file.close();
  }
}
