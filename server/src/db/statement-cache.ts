import type Database from 'better-sqlite3';

/** Distinct SQL texts kept prepared; beyond it the cache starts again (dynamic SQL cannot grow it without bound). */
export const STATEMENT_CACHE_SIZE = 1_000;

/**
 * Makes `db.prepare` return the statement it prepared before for the same SQL text. The SQL
 * layer prepares where it runs a query (one function per query, as house style has it), and
 * SQLite's compile step costs 10–50 µs: more than most of our queries take to run once prepared.
 *
 * A statement is shared only when it is free: one still being iterated (`busy`) gets a fresh copy.
 * The output modes a caller may set (pluck, raw, expand) are reset on every hand-out, so each
 * call site sees a statement as `prepare` makes it.
 */
export function cachePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      if (cached.reader) cached.pluck(false).raw(false).expand(false);
      return cached;
    }
    const statement = prepare(sql);
    if (!cached) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
}
