import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../test/test-app.ts';
import { memoUntilAreasChange, memoUntilWrite } from './memo-until-write.ts';

const temps = useTempDatabases();

describe('memoUntilWrite', () => {
  it('computes once while nothing is written', () => {
    const temp = temps.create();
    let calls = 0;
    const count = memoUntilWrite((db) => (calls++, db.prepare('SELECT count(*) FROM meta').pluck().get()));
    expect([count(temp.db), count(temp.db), count(temp.db)]).toEqual([0, 0, 0]);
    expect(calls).toBe(1);
  });

  it('computes again after a write on the same connection', () => {
    const temp = temps.create();
    const count = memoUntilWrite((db) => db.prepare('SELECT count(*) FROM meta').pluck().get());
    expect(count(temp.db)).toBe(0);
    temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(count(temp.db)).toBe(1);
  });

  it('computes again after another connection commits', () => {
    const temp = temps.create();
    const other = temps.connect(temp.path);
    const count = memoUntilWrite((db) => db.prepare('SELECT count(*) FROM meta').pluck().get());
    expect(count(temp.db)).toBe(0);
    other.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(count(temp.db)).toBe(1);
  });
});

describe('memoUntilAreasChange', () => {
  const AREA = `INSERT INTO areas (code, name, level, parent_id, geometry, label_lon, label_lat, min_lon, min_lat, max_lon, max_lat)
    VALUES (?, '某县', 'county', NULL, '{"type":"Polygon","coordinates":[]}', 120, 29, 120, 29, 120, 29)`;

  it('keeps its value through writes that leave the areas alone', () => {
    const temp = temps.create();
    let calls = 0;
    const names = memoUntilAreasChange((db) => (calls++, db.prepare('SELECT name FROM areas').pluck().all()));
    expect(names(temp.db)).toEqual([]);
    temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(names(temp.db)).toEqual([]);
    expect(calls).toBe(1);
  });

  it('computes again after an area is inserted, changed or deleted, on this connection or another', () => {
    const temp = temps.create();
    const other = temps.connect(temp.path);
    const names = memoUntilAreasChange((db) => db.prepare('SELECT name FROM areas ORDER BY id').pluck().all());
    temp.db.prepare(AREA).run('330681');
    expect(names(temp.db)).toEqual(['某县']);
    other.prepare(`UPDATE areas SET name = '另一县'`).run();
    expect(names(temp.db)).toEqual(['另一县']);
    temp.db.prepare('DELETE FROM areas').run();
    expect(names(temp.db)).toEqual([]);
  });
});
