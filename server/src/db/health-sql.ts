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
  const counts =
    scope === undefined
      ? undefined
      : (db
          .prepare(`SELECT
        (SELECT count(*) FROM areas${sub('id')}) AS areas,
        (SELECT count(*) FROM households${sub('grid_id')}) AS households,
        (SELECT count(*) FROM staff${sub('grid_id')}) AS staff,
        (SELECT count(*) FROM mediation_points${sub('area_id')}) AS mediationPoints,
        (SELECT count(*) FROM incidents${sub('grid_id')}) AS incidents`)
          .get(...(scope == null ? [] : [scope, scope, scope, scope, scope])) as Health['counts']);
  const county = db.prepare(`SELECT name, code FROM areas WHERE level = 'county' ORDER BY id LIMIT 1`).get() as
    | { name: string; code: string }
    | undefined;
  const demo = db.prepare(`SELECT value FROM meta WHERE key = 'demo'`).pluck().get() === 'true';
  return { ok: true, demo, county: county ?? { name: '', code: '' }, ...(counts && { counts }) };
}
