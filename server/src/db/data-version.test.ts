import { describe, expect, it } from 'vitest';
import { useTempDatabases } from '../test/test-app.ts';
import { dataVersion } from './data-version.ts';

const temps = useTempDatabases();
const tempDb = () => temps.create();

describe('dataVersion', () => {
  it('stays put while the database is only read', () => {
    const { db } = tempDb();
    const v = dataVersion(db);
    db.prepare('SELECT count(*) FROM areas').get();
    expect(dataVersion(db)).toBe(v);
  });

  it('moves on after a write on the same connection', () => {
    const { db } = tempDb();
    const v = dataVersion(db);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(dataVersion(db)).not.toBe(v);
  });

  it('moves on after another connection commits', () => {
    const { db, path } = tempDb();
    const other = temps.connect(path);
    const v = dataVersion(db);
    other.prepare(`INSERT INTO meta (key, value) VALUES ('a', 'b')`).run();
    expect(dataVersion(db)).not.toBe(v);
  });

  it('differs between two databases', () => {
    expect(dataVersion(tempDb().db)).not.toBe(dataVersion(tempDb().db));
  });
});
