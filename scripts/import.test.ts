import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@gridmap/server/db/open-db';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { tinyCounty } from '@gridmap/server/test/tiny-county';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './import.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../data/fixtures/${name}`, import.meta.url));
const HOUSEHOLDS = ['--layer', 'households', '--map', 'externalId=户编号', '--map', 'lon=经度', '--map', 'lat=纬度', '--map', 'address=地址', '--map', 'size=人数', '--map', 'tags=标签'];

describe('scripts/import.ts', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  let output: string[];
  beforeEach(() => {
    output = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void output.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void output.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  /** A tiny county in a temporary file, closed so that the command opens it as a user's would be. */
  const database = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridmap-import-cli-'));
    dirs.push(dir);
    const path = join(dir, 'county.sqlite');
    const db = openDatabase(path);
    seedCounty(db, tinyCounty());
    db.close();
    return { path };
  };
  const householdCount = (path: string) => {
    const db = openDatabase(path);
    try {
      return db.prepare('SELECT count(*) FROM households').pluck().get();
    } finally {
      db.close();
    }
  };

  it('dry-runs by default: prints the report and writes nothing', async () => {
    const temp = database();
    const code = await main(['--database', temp.path, '--file', fixture('households-gbk.csv'), ...HOUSEHOLDS]);
    expect(code).toBe(0);
    expect(output.join('\n')).toMatch(/would create 4, would update 0, rejected 3/);
    expect(output.join('\n')).toMatch(/row 5 \(H005\): \(121\.500000, 29\.500000\) lies in no grid/);
    expect(householdCount(temp.path)).toBe(12);
  });

  it('refuses --apply with rejected rows (exit 1) and applies with --skip-rejected, by the same code path as the API', async () => {
    const temp = database();
    const args = ['--database', temp.path, '--file', fixture('households-gbk.csv'), ...HOUSEHOLDS, '--apply'];
    expect(await main(args)).toBe(1);
    expect(householdCount(temp.path)).toBe(12);
    expect(await main([...args, '--skip-rejected', '--save-mapping', '户籍表'])).toBe(0);
    expect(output.join('\n')).toMatch(/created 4, updated 0, rejected 3/);
    expect(householdCount(temp.path)).toBe(16);
    // the saved mapping serves the next file
    expect(await main(['--database', temp.path, '--file', fixture('households-utf8.csv'), '--saved', '户籍表', '--apply', '--skip-rejected'])).toBe(0);
    expect(output.join('\n')).toMatch(/created 0, updated 4, rejected 3/);
  });

  it('exits 2 naming the problem of a bad file', async () => {
    const temp = database();
    expect(await main(['--database', temp.path, '--file', fixture('empty.csv'), ...HOUSEHOLDS])).toBe(2);
    expect(output.join('\n')).toMatch(/file: empty\.csv is empty/);
  });

  it('starts a county of its own in a new database file, level by level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridmap-import-cli-'));
    dirs.push(dir);
    const path = join(dir, 'county.sqlite');
    const square = [[[120, 29], [120.2, 29], [120.2, 29.2], [120, 29.2], [120, 29]]];
    const file = (name: string, properties: Record<string, string>) => {
      const p = join(dir, name);
      writeFileSync(p, JSON.stringify({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: square } }));
      return p;
    };
    const args = (f: string, level: string) => ['--database', path, '--file', f, '--layer', 'areas', '--level', level, '--map', 'code=区划代码', '--map', 'name=名称', '--apply'];
    expect(await main(args(file('county.geojson', { 区划代码: '330681000000', 名称: '诸暨市' }), 'county'))).toBe(0);
    expect(await main([...args(file('town.geojson', { 区划代码: '330681001000', 名称: '暨阳街道', 上级: '330681000000' }), 'town'), '--map', 'parentCode=上级'])).toBe(0);
    const db = openDatabase(path);
    try {
      expect(db.prepare('SELECT level, name FROM areas ORDER BY id').all()).toEqual([{ level: 'county', name: '诸暨市' }, { level: 'town', name: '暨阳街道' }]);
    } finally {
      db.close();
    }
  });
});
