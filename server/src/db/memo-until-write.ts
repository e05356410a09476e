import type { Db } from './open-db.ts';

/**
 * Remembers `compute(db)` per database until anything writes to it: `total_changes()` counts
 * this connection's writes and `data_version` changes when another connection commits, so
 * the pair changes on every write wherever it comes from, and no write path has to remember
 * to invalidate anything.
 */
export function memoUntilWrite<T>(compute: (db: Db) => T): (db: Db) => T {
  const memo = new WeakMap<Db, { key: string; value: T }>();
  return (db) => {
    const key = writeStamp(db);
    const hit = memo.get(db);
    if (hit && hit.key === key) return hit.value;
    const value = compute(db);
    memo.set(db, { key, value });
    return value;
  };
}

function writeStamp(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const version = db.pragma('data_version', { simple: true }) as number;
  return `${version}:${changes}`;
}
