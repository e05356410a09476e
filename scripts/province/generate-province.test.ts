import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_TREE_LEVELS, type AreaRecord } from '@gridmap/shared';
import { expectChildrenTileParent } from '@gridmap/shared/demo/expect-tiling';
import { openDatabase, type Db } from '@gridmap/server/db/open-db';
import { generateProvince, type ProvinceSummary } from './generate-province.ts';

/** A tiny province: the first three counties of 杭州市 sharing 1/5000 of the province's targets. */
const COUNTIES = 3;
const SCALE = 0.0002;

let dir: string;
let db: Db;
let summary: ProvinceSummary;

interface Row { id: number; code: string; name: string; level: string; parent_id: number | null; geometry: string; households: number; residents: number; staff: number; key_group_households: number }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridmap-province-'));
  const out = join(dir, 'province.sqlite');
  summary = await generateProvince({ seed: 11, scale: SCALE, now: new Date('2026-01-01T00:00:00Z'), out, counties: COUNTIES, workers: 2, log: () => {} });
  db = openDatabase(out);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const areas = () => db.prepare('SELECT * FROM areas ORDER BY id').all() as Row[];

describe('generateProvince', () => {
  it('builds the tree province > city > county > town > community > grid, each child one level below its parent', () => {
    const all = areas();
    const byId = new Map(all.map((a) => [a.id, a]));
    expect(all.filter((a) => a.parent_id === null).map((a) => [a.name, a.level])).toEqual([['浙江省', 'province']]);
    expect(all.filter((a) => a.level === 'city').map((a) => a.name)).toEqual(['杭州市']);
    expect(all.filter((a) => a.level === 'county').map((a) => a.name)).toEqual(['上城区', '滨江区', '下城区']);
    for (const a of all) {
      if (a.parent_id === null) continue;
      const parent = byId.get(a.parent_id)!;
      expect(AREA_TREE_LEVELS.indexOf(parent.level as never)).toBe(AREA_TREE_LEVELS.indexOf(a.level as never) - 1);
      expect(a.code.startsWith(parent.code.slice(0, parent.level === 'province' ? 2 : parent.level === 'city' ? 4 : 0))).toBe(true);
    }
    // The closure table reaches from the province to every grid, six levels deep.
    const deepest = db.prepare('SELECT max(depth) FROM area_closure WHERE ancestor_id = 1').pluck().get();
    expect(deepest).toBe(5);
    const grids = db.prepare("SELECT count(*) FROM areas WHERE level = 'grid'").pluck().get();
    expect(db.prepare('SELECT count(*) FROM area_closure c JOIN areas a ON a.id = c.descendant_id WHERE c.ancestor_id = 1 AND a.level = ?').pluck().get('grid')).toBe(grids);
    expect(summary.counties).toBe(COUNTIES);
  });

  it('lets every level of each county tile its parent exactly, as the county generator does', () => {
    const all = areas();
    const geometry = (a: Row) => JSON.parse(a.geometry) as AreaRecord['geometry'];
    for (const parent of all.filter((a) => ['county', 'town', 'community'].includes(a.level))) {
      expectChildrenTileParent(geometry(parent), all.filter((a) => a.parent_id === parent.id).map(geometry));
    }
  });

  it('rolls households, residents and staff up to the cities and the province, and counts what it wrote', () => {
    const total = db.prepare('SELECT count(*) AS households, sum(size) AS residents FROM households').get() as { households: number; residents: number };
    const staff = db.prepare('SELECT count(*) FROM staff').pluck().get();
    const province = areas()[0];
    expect(province).toMatchObject({ level: 'province', households: total.households, residents: total.residents, staff });
    const sumOf = (level: string) => db.prepare('SELECT sum(households) FROM areas WHERE level = ?').pluck().get(level);
    for (const level of ['city', 'county', 'town', 'community', 'grid']) expect(sumOf(level)).toBe(total.households);
    expect(summary.households).toBe(total.households);
    expect(summary.incidents).toBe(db.prepare('SELECT count(*) FROM incidents').pluck().get());
    // Every household and incident lies in a grid of the database, every case's point is a point there.
    expect(db.prepare("SELECT count(*) FROM households h LEFT JOIN areas g ON g.id = h.grid_id AND g.level = 'grid' WHERE g.id IS NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM incidents i LEFT JOIN areas g ON g.id = i.grid_id AND g.level = 'grid' WHERE g.id IS NULL").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM incidents i LEFT JOIN mediation_points m ON m.id = i.mediation_point_id WHERE i.mediation_point_id IS NOT NULL AND m.id IS NULL').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM households_rtree').pluck().get()).toBe(total.households);
  });
});
