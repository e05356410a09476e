import type { Health } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/** Rows per table, whether the data is the generated demo, and the county it covers (the route adds the clock). */
export function readHealth(db: Db): Omit<Health, 'serverTime'> {
  // Households and staff from the figures stored on the top of the tree (kept in step by every
  // write): counting a province's 10 million rows would be a full scan on every health check,
  // and health is what a starting server is first asked (issue 8).
  const counts = db
    .prepare(`SELECT
        (SELECT count(*) FROM areas) AS areas,
        (SELECT coalesce(sum(households), 0) FROM areas WHERE parent_id IS NULL) AS households,
        (SELECT coalesce(sum(staff), 0) FROM areas WHERE parent_id IS NULL) AS staff,
        (SELECT count(*) FROM mediation_points) AS mediationPoints,
        (SELECT count(*) FROM incidents) AS incidents`)
    .get() as Health['counts'];
  // The top of the tree: the county, or the province of a province database.
  const county = db.prepare('SELECT name, code FROM areas WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as
    | { name: string; code: string }
    | undefined;
  const demo = db.prepare(`SELECT value FROM meta WHERE key = 'demo'`).pluck().get() === 'true';
  return { ok: true, demo, county: county ?? { name: '', code: '' }, counts };
}
