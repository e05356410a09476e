import { afterEach, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../test/test-app.ts';
import { openDatabase } from './open-db.ts';
import { memoUntilWrite } from './memo-until-write.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('memoUntilWrite', () => {
  it('computes once while nothing is written', () => {
    const temp = createTempDatabase();
    cleanups.push(temp.close);
    let calls = 0;
    const count = memoUntilWrite((db) => (calls++, db.prepare('SELECT count(*) FROM meta').pluck().get()));
    expect([count(temp.db), count(temp.db), count(temp.db)]).toEqual([0, 0, 0]);
    expect(calls).toBe(1);
  });

  it('computes again after a write on the same connection', () => {
    const temp = createTempDatabase();
    cleanups.push(temp.close);
    const count = memoUntilWrite((db) => db.prepare('SELECT count(*) FROM meta').pluck().get());
    expect(count(temp.db)).toBe(0);
    temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(count(temp.db)).toBe(1);
  });

  it('computes again after another connection commits', () => {
    const temp = createTempDatabase();
    cleanups.push(temp.close);
    const other = openDatabase(temp.path);
    cleanups.unshift(() => other.close());
    const count = memoUntilWrite((db) => db.prepare('SELECT count(*) FROM meta').pluck().get());
    expect(count(temp.db)).toBe(0);
    other.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(count(temp.db)).toBe(1);
  });
});
