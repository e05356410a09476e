import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open-db.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { tileOf } from '../test/decode-tile.ts';
import { useTempDatabases } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';
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

/** Redraws a grid behind the tile service's back, as another process would. */
const redraw = (db: Db, gridId: number, geometry: string) => db.prepare('UPDATE areas SET geometry = ? WHERE id = ?').run(geometry, gridId);

/** Records a grid version, as applying a plan does. */
const recordGridVersion = (db: Db, gridId: number, version: number) =>
  db.prepare(`INSERT INTO grid_versions (grid_id, version, community_id, code, name, geometry, valid_from, author, reason)
    VALUES (?, ?, 3, 'g', 'g', NULL, ?, 'test', 'test')`).run(gridId, version, TINY_NOW);

// Grid 4 is the south-west square (120.0–120.1, 29.0–29.1), grid 7 the north-east one; at z11
// the tile of 120.01/29.01 (west of 120.06) does not reach grid 7, the tile of 120.19/29.19 holds it.
const z = DISK_TILE_MAX_ZOOM;
const west = tileOf(120.01, 29.01, z);
const east = tileOf(120.19, 29.19, z);

describe('the tile disk cache', () => {
  it('keeps low-zoom area tiles across a restart and drops exactly the ones a redraw touches', () => {
    const { db, cachePath } = seeded();
    const first = createTileService(db, now, { diskCachePath: cachePath });
    const westTag = first.getAreaTile('grid', z, west.x, west.y).etag;
    const eastTag = first.getAreaTile('grid', z, east.x, east.y).etag;
    first.close();

    redraw(db, 4, square(120.0, 29.0, 0.03)); // unannounced: only a tile made again would show it
    const second = createTileService(db, now, { diskCachePath: cachePath });
    // A plan applied while it runs: grid 7 redrawn, its version recorded, the service told.
    redraw(db, 7, square(120.15, 29.15, 0.05));
    recordGridVersion(db, 7, 2);
    second.areasRedrawn('grid', [7], [[120.1, 29.1, 120.2, 29.2], [120.15, 29.15, 120.2, 29.2]]);
    expect(second.getAreaTile('grid', z, west.x, west.y).etag).toBe(westTag); // from disk
    const redrawnTag = second.getAreaTile('grid', z, east.x, east.y).etag;
    expect(redrawnTag).not.toBe(eastTag);
    second.close();

    // The redraw recorded the database's new version: the next start keeps the file.
    const third = createTileService(db, now, { diskCachePath: cachePath });
    expect(third.getAreaTile('grid', z, west.x, west.y).etag).toBe(westTag);
    expect(third.getAreaTile('grid', z, east.x, east.y).etag).toBe(redrawnTag);
    third.close();
  });

  it('starts empty when the areas changed while no server had the file open', () => {
    const { db, cachePath } = seeded();
    const first = createTileService(db, now, { diskCachePath: cachePath });
    const westTag = first.getAreaTile('grid', z, west.x, west.y).etag;
    first.close();

    redraw(db, 4, square(120.0, 29.0, 0.03));
    recordGridVersion(db, 4, 2);
    const second = createTileService(db, now, { diskCachePath: cachePath });
    expect(second.getAreaTile('grid', z, west.x, west.y).etag).not.toBe(westTag);
    second.close();
  });

  it('keeps tiles above its zoom and tiles of a scoped account in memory only', () => {
    const { db, cachePath } = seeded();
    const first = createTileService(db, now, { diskCachePath: cachePath });
    const above = tileOf(120.01, 29.01, z + 1);
    const aboveTag = first.getAreaTile('grid', z + 1, above.x, above.y).etag;
    const scopedTag = first.getAreaTile('grid', z, west.x, west.y, { areaId: 3, areas: new Set([3, 4, 5, 6, 7]) }).etag;
    first.close();

    redraw(db, 4, square(120.0, 29.0, 0.03));
    const second = createTileService(db, now, { diskCachePath: cachePath });
    expect(second.getAreaTile('grid', z + 1, above.x, above.y).etag).not.toBe(aboveTag);
    expect(second.getAreaTile('grid', z, west.x, west.y, { areaId: 3, areas: new Set([3, 4, 5, 6, 7]) }).etag).not.toBe(scopedTag);
    second.close();
  });
});
