import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachePreparedStatements } from './statement-cache.ts';

function openCachedDb() {
  const db = new Database(':memory:');
  cachePreparedStatements(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(1, 'a');
  db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(2, 'b');
  return db;
}

describe('the prepared-statement cache', () => {
  it('hands out the same statement for the same SQL text', () => {
    const db = openCachedDb();
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(db.prepare('SELECT name FROM t WHERE id = ?'));
  });

  it('gives each call site the statement as prepare makes it, whatever mode the last caller set', () => {
    const db = openCachedDb();
    const sql = 'SELECT id, name FROM t ORDER BY id';
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(db.prepare(sql).all()).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
    expect(db.prepare(sql).raw().get()).toEqual([1, 'a']);
    expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
  });

  it('prepares a fresh statement while the cached one is being iterated', () => {
    const db = openCachedDb();
    const sql = 'SELECT id FROM t WHERE id >= ? ORDER BY id';
    const pairs: number[][] = [];
    for (const outer of db.prepare(sql).pluck().iterate(1) as Iterable<number>) {
      pairs.push(db.prepare(sql).pluck().all(outer) as number[]);
    }
    expect(pairs).toEqual([[1, 2], [2]]);
  });

  it('sees schema changes made after a statement was cached', () => {
    const db = openCachedDb();
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'a' });
    db.exec('ALTER TABLE t ADD COLUMN note TEXT');
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'a', note: null });
  });
});
