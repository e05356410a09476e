import Database from 'better-sqlite3';
import { Random } from '@gridmap/shared/demo/random';
import { describe, expect, it } from 'vitest';
import { fillPointRtree } from './point-rtree-sql.ts';

const SCHEMA = `CREATE TABLE households (id INTEGER PRIMARY KEY, lon REAL NOT NULL, lat REAL NOT NULL);
  CREATE VIRTUAL TABLE households_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);`;

/** Two databases with the same rows: one R*Tree filled by fillPointRtree, the other by SQLite's own inserts. */
function twins(points: { id: number; lon: number; lat: number }[]) {
  const [packed, inserted] = [new Database(':memory:'), new Database(':memory:')];
  for (const db of [packed, inserted]) {
    db.exec(SCHEMA);
    const row = db.prepare('INSERT INTO households (id, lon, lat) VALUES (?, ?, ?)');
    db.transaction(() => points.forEach((p) => row.run(p.id, p.lon, p.lat)))();
  }
  packed.transaction(() => fillPointRtree(packed, 'households'))();
  inserted.exec('INSERT INTO households_rtree SELECT id, lon, lon, lat, lat FROM households');
  return { packed, inserted };
}

/** Scattered points over a province-sized box, some on shared positions, some exactly representable as float32. */
function randomPoints(random: Random, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const lon = i % 7 === 0 ? 120.5 : random.range(118, 123);
    const lat = i % 11 === 0 ? 30.25 : random.range(27, 31.2);
    return { id: 3 * i + 1, lon, lat };
  });
}

const entries = (db: Database.Database) => db.prepare('SELECT * FROM households_rtree ORDER BY id').raw().all();
const check = (db: Database.Database) => db.prepare(`SELECT rtreecheck('households_rtree')`).pluck().get();

describe('fillPointRtree', () => {
  it('stores exactly the entries that row-by-row R*Tree inserts store, in a tree SQLite checks as sound', () => {
    const random = new Random(3, 'point-rtree-test');
    for (const n of [0, 1, 51, 52, 2_601, 10_000]) {
      const { packed, inserted } = twins(randomPoints(random, n));
      expect(entries(packed), `${n} points`).toEqual(entries(inserted));
      expect(check(packed), `${n} points`).toBe('ok');
    }
  });

  it('answers box queries as the inserted tree does, including near-ties at float32 rounding', () => {
    const random = new Random(4, 'point-rtree-test');
    const points = randomPoints(random, 20_000);
    // Negative coordinates and values a hair either side of a float32 round the other way.
    points.push({ id: 1_000_001, lon: -0.1, lat: -45.000001 }, { id: 1_000_002, lon: 120.00000001, lat: 29.99999999 });
    const { packed, inserted } = twins(points);
    const query = 'SELECT id FROM households_rtree WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ? ORDER BY id';
    for (let q = 0; q < 300; q++) {
      const lon = random.range(117.9, 123.1), lat = random.range(26.9, 31.3), w = random.range(0, 0.5), h = random.range(0, 0.5);
      const args = [lon + w, lon, lat + h, lat];
      expect(packed.prepare(query).pluck().all(...args)).toEqual(inserted.prepare(query).pluck().all(...args));
    }
    expect(entries(packed)).toEqual(entries(inserted));
  });

  it('leaves a tree that later inserts, moves and deletes keep sound', () => {
    const random = new Random(5, 'point-rtree-test');
    const { packed, inserted } = twins(randomPoints(random, 5_000));
    for (const db of [packed, inserted]) {
      const r = new Random(6, 'point-rtree-writes');
      db.transaction(() => {
        for (let i = 0; i < 2_000; i++) db.prepare('INSERT INTO households_rtree VALUES (?, ?, ?, ?, ?)').run(100_000 + i, 120, 120, 30 + i * 1e-4, 30 + i * 1e-4);
        for (let i = 0; i < 1_500; i++) db.prepare('DELETE FROM households_rtree WHERE id = ?').run(3 * r.int(5_000) + 1);
        for (let i = 0; i < 500; i++) db.prepare('UPDATE households_rtree SET min_lon = ?, max_lon = ? WHERE id = ?').run(119, 119.5, 100_000 + i);
      })();
    }
    expect(check(packed)).toBe('ok');
    expect(entries(packed)).toEqual(entries(inserted));
  });

  it('refuses to fill a tree that already holds entries', () => {
    const { packed } = twins(randomPoints(new Random(7, 'point-rtree-test'), 10));
    expect(() => fillPointRtree(packed, 'households')).toThrow(/already holds entries/);
  });
});
