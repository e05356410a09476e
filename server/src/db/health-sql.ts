import type { Health } from '@gridmap/shared';
import { inSubtree } from './in-subtree.ts';
import type { Db } from './open-db.ts';

/**
 * Whether the data is the generated demo, the county it covers, and — for a signed-in caller —
 * the rows per table inside `scope` (null: everything; undefined: no session, no counts). The
 * route adds the clock.
 */
export function readHealth(db: Db, scope: number | null | undefined): Omit<Health, 'serverTime'> {
  const sub = (column: string) => (scope == null ? '' : ` WHERE ${inSubtree(column)}`);
  // Households and staff from the figures stored on the scope's area (or the top of the tree),
  // kept in step by every write: counting a province's 10 million rows would be a full scan on
  // every health check (issue 8).
  const top = scope == null ? 'parent_id IS NULL' : 'id = ?';
  const counts =
    scope === undefined
      ? undefined
      : (db
          .prepare(`SELECT
        (SELECT count(*) FROM areas${sub('id')}) AS areas,
        (SELECT coalesce(sum(households), 0) FROM areas WHERE ${top}) AS households,
        (SELECT coalesce(sum(staff), 0) FROM areas WHERE ${top}) AS staff,
        (SELECT count(*) FROM mediation_points${sub('area_id')}) AS mediationPoints,
        (SELECT count(*) FROM incidents${sub('grid_id')}) AS incidents`)
          .get(...(scope == null ? [] : [scope, scope, scope, scope, scope])) as Health['counts']);
  // The top of the tree: the county, or the province of a province database.
  const county = db.prepare('SELECT name, code FROM areas WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as
    | { name: string; code: string }
    | undefined;
  const demo = db.prepare(`SELECT value FROM meta WHERE key = 'demo'`).pluck().get() === 'true';
  return { ok: true, demo, county: county ?? { name: '', code: '' }, ...(counts && { counts }) };
}
