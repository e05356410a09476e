import { describe, expect, it } from 'vitest';
import { seedCounty } from '../db/seed-sql.ts';
import { decodeTile, tileOf } from '../test/decode-tile.ts';
import { useTempDatabases } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';
import { INCIDENT_TILE_TTL_MS, createTileService } from './tile-service.ts';

const temps = useTempDatabases();

function seededDb() {
  const { db } = temps.create();
  seedCounty(db, tinyCounty());
  return db;
}

const ids = (gzip: Buffer | null) => (gzip ? decodeTile(gzip).incidents.map((f) => f.id) : []);

describe('createTileService', () => {
  it('indexes every household and incident', () => {
    const tiles = createTileService(seededDb(), () => new Date(TINY_NOW));
    expect(tiles.counts()).toEqual({ households: 12, incidents: 8 });
  });

  it('shows incidents written after start once the incident index is rebuilt', () => {
    const db = seededDb();
    const tiles = createTileService(db, () => new Date(TINY_NOW));
    const { x, y } = tileOf(120.15, 29.15, 14);
    expect(ids(tiles.getTile('incidents', 14, x, y).gzip)).toEqual([]);
    db.prepare(`INSERT INTO incidents (id, kind, status, severity, source, level, origin_level, description,
        lon, lat, grid_id, reported_at, deadline_at)
      VALUES (100, 'debt', 'reported', 1, 'online', 'grid', 'grid', '', 120.15, 29.15, 7,
        '2025-05-31T00:00:00.000Z', '2025-06-30T00:00:00.000Z')`).run();
    tiles.rebuildIncidents();
    expect(ids(tiles.getTile('incidents', 14, x, y).gzip)).toEqual([100]);
    expect(tiles.counts().incidents).toBe(9);
  });

  it('re-encodes an incident tile once its cached copy is older than the TTL, so overdue follows the clock', () => {
    let now = Date.parse('2025-06-09T01:59:50Z'); // incident 1 is due 2025-06-09T02:00Z
    const tiles = createTileService(seededDb(), () => new Date(now));
    const { x, y } = tileOf(120.021, 29.021, 16);
    const overdue = () => decodeTile(tiles.getTile('incidents', 16, x, y).gzip!).incidents[0].properties.overdue;
    expect(overdue()).toBe(0);
    now += 20_000;
    expect(overdue()).toBe(0); // past the deadline, but the cached tile is younger than the TTL
    now += INCIDENT_TILE_TTL_MS;
    expect(overdue()).toBe(1);
  });

  it('reads households on the first household tile, not when it is made', () => {
    const db = seededDb();
    const tiles = createTileService(db, () => new Date(TINY_NOW));
    db.prepare(`INSERT INTO households (id, grid_id, lon, lat, address, size, tags, head_name, phone)
      VALUES (100, 4, 120.011, 29.011, '小村100号', 2, '[]', '王五', '13800000000')`).run();
    const { x, y } = tileOf(120.011, 29.011, 16);
    expect(decodeTile(tiles.getTile('households', 16, x, y).gzip!).households.map((f) => f.id)).toContain(100);
  });

  it('moves an incident between open and closed in the bins and points when it is written', () => {
    const tiles = createTileService(seededDb(), () => new Date(TINY_NOW));
    const openIn = (z: number) => {
      const { x, y } = tileOf(120.021, 29.021, z);
      const gzip = tiles.getTile('incidents', z, x, y).gzip;
      return gzip ? decodeTile(gzip).incidents.reduce((s, f) => s + (f.properties.open as number), 0) : 0;
    };
    const before = openIn(8);
    // incident 1 (reported, open) is resolved
    tiles.incidentWritten({
      id: 1, lon: 120.021, lat: 29.021, kind: 'neighbour', status: 'resolved', severity: 2,
      reportedAt: '2025-05-25T02:00:00Z', deadlineAt: '2025-06-09T02:00:00Z', gridId: 4,
    });
    expect(openIn(8)).toBe(before - 1);
    const { x, y } = tileOf(120.021, 29.021, 16);
    expect(decodeTile(tiles.getTile('incidents', 16, x, y).gzip!).incidents.find((f) => f.id === 1)?.properties.status).toBe('resolved');
    expect(tiles.counts().incidents).toBe(8);
  });
});
