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
  // One statement, prepared once (db.pragma() would compile its statement on every call).
  const [changes, version] = db.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw().get() as [number, number];
  return `${version}:${changes}`;
}

/**
 * Remembers `compute(db)` per database until an area is written (inserted, changed or deleted,
 * by this connection or another): for what the areas alone decide, which incident writes leave
 * as it was. The count comes from triggers (migration 016).
 */
export function memoUntilAreasChange<T>(compute: (db: Db) => T): (db: Db) => T {
  const memo = new WeakMap<Db, { stamp: number; value: T }>();
  return (db) => {
    const stamp = areasStamp(db);
    const hit = memo.get(db);
    if (hit && hit.stamp === stamp) return hit.value;
    const value = compute(db);
    memo.set(db, { stamp, value });
    return value;
  };
}

/** A number that moves whenever any area is written (migration 016's triggers count them). */
export function areasStamp(db: Db): number {
  return db.prepare('SELECT n FROM area_changes').pluck().get() as number;
}
