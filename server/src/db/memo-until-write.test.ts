import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../test/test-app.ts';
import { memoUntilWrite } from './memo-until-write.ts';

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
