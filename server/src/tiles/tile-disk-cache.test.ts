import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaTilesVersion } from '../db/area-tiles-sql.ts';
import type { Db } from '../db/open-db.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { tileOf } from '../test/decode-tile.ts';
import { useTempDatabases } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';
import { TileDiskCache } from './tile-disk-cache.ts';
import { tileKey } from './tile-keys.ts';
import { DISK_TILE_MAX_ZOOM, createTileService } from './tile-service.ts';

const temps = useTempDatabases();
const now = () => new Date(TINY_NOW);

function seeded() {
  const temp = temps.create();
  seedCounty(temp.db, tinyCounty());
  return { db: temp.db, cachePath: join(temp.dir, 'tiles.tile-cache.sqlite') };
}

/** A square outline, as the areas table stores it. */
const square = (lon: number, lat: number, side: number) =>
  JSON.stringify({ type: 'Polygon', coordinates: [[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]] });

/** Redraws a grid in the database (as applying a plan does, or another process). */
const redraw = (db: Db, gridId: number, geometry: string) => db.prepare('UPDATE areas SET geometry = ? WHERE id = ?').run(geometry, gridId);

/** Which of these tiles of the grid level the cache file at `path` holds, opened as a restarted server would. */
function onDisk(db: Db, path: string, tiles: { x: number; y: number; z: number }[]): boolean[] {
  const disk = TileDiskCache.open(path, areaTilesVersion(db));
  try {
    return tiles.map(({ z, x, y }) => disk.get(tileKey('areas-grid', z, x, y)) !== undefined);
  } finally {
    disk.close();
  }
}

// Grid 4 is the south-west square (120.0–120.1, 29.0–29.1), grid 7 the north-east one; at z11
// the tile of 120.01/29.01 (west of 120.06) does not reach grid 7, the tile of 120.19/29.19 holds it.
const z = DISK_TILE_MAX_ZOOM;
const west = { z, ...tileOf(120.01, 29.01, z) };
const east = { z, ...tileOf(120.19, 29.19, z) };

describe('the tile disk cache', () => {
  it('keeps low-zoom area tiles across a restart, the same bytes', () => {
    const { db, cachePath } = seeded();
    const first = createTileService(db, now, { diskCachePath: cachePath });
    const made = first.getAreaTile('grid', z, west.x, west.y);
    first.close();
    expect(onDisk(db, cachePath, [west])).toEqual([true]);
    const second = createTileService(db, now, { diskCachePath: cachePath });
    const again = second.getAreaTile('grid', z, west.x, west.y);
    expect(again.etag).toBe(made.etag);
    expect(again.gzip).toEqual(made.gzip);
    second.close();
  });

  it("drops exactly the tiles a plan's redraw touches, and keeps the rest for the next start", () => {
    const { db, cachePath } = seeded();
    const first = createTileService(db, now, { diskCachePath: cachePath });
    first.getAreaTile('grid', z, west.x, west.y);
    const eastTag = first.getAreaTile('grid', z, east.x, east.y).etag;
    redraw(db, 7, square(120.15, 29.15, 0.05));
    first.areasRedrawn('grid', [7], [[120.1, 29.1, 120.2, 29.2], [120.15, 29.15, 120.2, 29.2]]);
    first.close();
    expect(onDisk(db, cachePath, [west, east])).toEqual([true, false]);
    const second = createTileService(db, now, { diskCachePath: cachePath });
    expect(second.getAreaTile('grid', z, east.x, east.y).etag).not.toBe(eastTag);
    second.close();
  });

  it('starts empty when an area changed while no server had the file open', () => {
    const { db, cachePath } = seeded();
    const first = createTileService(db, now, { diskCachePath: cachePath });
    const westTag = first.getAreaTile('grid', z, west.x, west.y).etag;
    first.close();
    redraw(db, 4, square(120.0, 29.0, 0.03));
    expect(onDisk(db, cachePath, [west])).toEqual([false]);
    const second = createTileService(db, now, { diskCachePath: cachePath });
    expect(second.getAreaTile('grid', z, west.x, west.y).etag).not.toBe(westTag);
    second.close();
  });

  it('keeps tiles above its zoom and the tiles of a scoped account in memory only', () => {
    const { db, cachePath } = seeded();
    const tiles = createTileService(db, now, { diskCachePath: cachePath });
    const above = { z: z + 1, ...tileOf(120.01, 29.01, z + 1) };
    tiles.getAreaTile('grid', above.z, above.x, above.y);
    tiles.getAreaTile('grid', z, west.x, west.y, { areaId: 3, areas: new Set([3, 4, 5, 6, 7]) });
    tiles.close();
    expect(onDisk(db, cachePath, [above, west])).toEqual([false, false]);
  });
});
