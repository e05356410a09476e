import type { Health } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/** Rows per table, whether the data is the generated demo, and the county it covers (the route adds the clock). */
export function readHealth(db: Db): Omit<Health, 'serverTime'> {
  const counts = db
    .prepare(`SELECT
        (SELECT count(*) FROM areas) AS areas,
        (SELECT count(*) FROM households) AS households,
        (SELECT count(*) FROM staff) AS staff,
        (SELECT count(*) FROM mediation_points) AS mediationPoints,
        (SELECT count(*) FROM incidents) AS incidents`)
    .get() as Health['counts'];
  const county = db.prepare(`SELECT name, code FROM areas WHERE level = 'county' ORDER BY id LIMIT 1`).get() as
    | { name: string; code: string }
    | undefined;
  const demo = db.prepare(`SELECT value FROM meta WHERE key = 'demo'`).pluck().get() === 'true';
  return { ok: true, demo, county: county ?? { name: '', code: '' }, counts };
}
