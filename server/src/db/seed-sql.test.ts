import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../test/test-app.ts';
import { tinyCounty } from '../test/tiny-county.ts';
import { hasAreas, seedCounty } from './seed-sql.ts';

const temps = useTempDatabases();
const tempDb = () => temps.create().db;

const count = (db: ReturnType<typeof tempDb>, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('seedCounty', () => {
  it('writes every record, its R*Tree entry and the demo meta', () => {
    const db = tempDb();
    seedCounty(db, tinyCounty());
    expect(count(db, 'areas')).toBe(7);
    expect(count(db, 'areas_rtree')).toBe(7);
    expect(count(db, 'households')).toBe(12);
    expect(count(db, 'households_rtree')).toBe(12);
    expect(count(db, 'staff')).toBe(9);
    expect(count(db, 'mediation_points')).toBe(3);
    expect(count(db, 'incidents')).toBe(8);
    expect(count(db, 'incidents_rtree')).toBe(8);
    expect(count(db, 'demo_hotspots')).toBe(1);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'county_name'`).pluck().get()).toBe('小县');
    expect(hasAreas(db)).toBe(true);
  });

  it('gives every household and incident the R*Tree entry SQLite would store for its point, in a sound tree', () => {
    const db = tempDb();
    seedCounty(db, tinyCounty());
    for (const table of ['households', 'incidents']) {
      // The same rows inserted one at a time by SQLite into a fresh R*Tree: the reference.
      db.exec(`CREATE VIRTUAL TABLE temp.expected USING rtree (id, min_lon, max_lon, min_lat, max_lat);
        INSERT INTO temp.expected SELECT id, lon, lon, lat, lat FROM ${table};`);
      const entries = (name: string) => db.prepare(`SELECT * FROM ${name} ORDER BY id`).raw().all();
      expect(entries(`${table}_rtree`), table).toEqual(entries('temp.expected'));
      expect(db.prepare(`SELECT rtreecheck('${table}_rtree')`).pluck().get(), table).toBe('ok');
      db.exec('DROP TABLE temp.expected');
    }
  });

  it('stores the figures of each area subtree, rolled up from the grids', () => {
    const db = tempDb();
    seedCounty(db, tinyCounty());
    const county = db.prepare('SELECT households, residents, staff, grid_workers, key_group_households FROM areas WHERE id = 1').get();
    expect(county).toEqual({ households: 12, residents: 35, staff: 9, grid_workers: 5, key_group_households: 1 });
    const grid = db.prepare('SELECT households, staff, grid_workers FROM areas WHERE id = 4').get();
    expect(grid).toEqual({ households: 3, staff: 3, grid_workers: 2 });
  });

  it('fills the closure table with every ancestor of every area, itself included', () => {
    const db = tempDb();
    seedCounty(db, tinyCounty());
    expect(count(db, 'area_closure')).toBe(1 + 2 + 3 + 4 * 4);
    const ancestors = db
      .prepare('SELECT ancestor_id FROM area_closure WHERE descendant_id = 7 ORDER BY depth')
      .pluck()
      .all();
    expect(ancestors).toEqual([7, 3, 2, 1]);
  });

  it('normalises timestamps so that they compare as text', () => {
    const db = tempDb();
    seedCounty(db, tinyCounty());
    expect(db.prepare('SELECT reported_at FROM incidents WHERE id = 1').pluck().get()).toBe('2025-05-25T02:00:00.000Z');
  });

  it('leaves an empty database when any record fails (one transaction)', () => {
    const db = tempDb();
    const data = tinyCounty();
    data.incidents[data.incidents.length - 1].mediationPointId = 999; // violates a foreign key, written last
    expect(() => seedCounty(db, data)).toThrow(/FOREIGN KEY/);
    for (const table of ['areas', 'area_closure', 'households', 'staff', 'mediation_points', 'incidents', 'meta', 'demo_hotspots']) {
      expect(count(db, table), table).toBe(0);
    }
  });

  it('refuses to seed a database that already holds a county', () => {
    const db = tempDb();
    seedCounty(db, tinyCounty());
    expect(() => seedCounty(db, tinyCounty())).toThrow(/already holds areas/);
  });
});
