import { AREA_LEVELS, countyDayNumber, DUE_SOON_HOURS, OPEN_STATUSES, parseCountyTime, type IncidentCounters, isoDateOfDayNumber } from '@gridmap/shared';
import { getAreaLevel } from './areas-sql.ts';
import { inSubtree } from './in-subtree.ts';
import { latestIncidentEventId } from './incident-events-sql.ts';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

/**
 * The command centre's figures at `now`, inside the area `scope` (null: the whole database).
 * Each count reads an index only: open cases through (status, deadline_at), today's through
 * reported_at.
 */
export function incidentCounters(db: Db, now: Date, scopeArea: number | null = null): IncidentCounters {
  // Every incident lies in the county: scoped to it, the closure join would visit every case
  // (170 ms on the demo county, found by the load benchmark) where the indexes alone answer in 0.5 ms.
  const scope = scopeArea !== null && getAreaLevel(db, scopeArea) === 'county' ? null : scopeArea;
  const day = isoDateOfDayNumber(countyDayNumber(now.getTime()));
  const dayStart = new Date(parseCountyTime(day).start).toISOString();
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000).toISOString();
  const open = placeholders(OPEN_STATUSES.length);
  // Inside the scope: through the closure table, so that the (grid_id, status, deadline_at) index serves.
  const where = scope === null ? '' : `AND ${inSubtree('grid_id')}`;
  const s = scope === null ? [] : [scope];
  const row = db
    .prepare(`SELECT
        (SELECT count(*) FROM incidents WHERE reported_at >= ? ${where}) AS reportedToday,
        (SELECT count(*) FROM incidents WHERE status IN ${open} ${where}) AS open,
        (SELECT count(*) FROM incidents WHERE status IN ${open} AND deadline_at < ? ${where}) AS overdue,
        (SELECT count(*) FROM incidents WHERE status IN ${open} AND deadline_at >= ? AND deadline_at < ? ${where}) AS dueSoon`)
    .get(dayStart, ...s, ...OPEN_STATUSES, ...s, ...OPEN_STATUSES, nowIso, ...s, ...OPEN_STATUSES, nowIso, soon, ...s) as Omit<
    IncidentCounters,
    'day' | 'openByLevel' | 'lastEventId'
  >;
  const byLevel = db
    .prepare(`SELECT level, count(*) AS n FROM incidents WHERE status IN ${open} ${where} GROUP BY level`)
    .all(...OPEN_STATUSES, ...s) as { level: (typeof AREA_LEVELS)[number]; n: number }[];
  const openByLevel = Object.fromEntries(AREA_LEVELS.map((level) => [level, 0])) as IncidentCounters['openByLevel'];
  for (const { level, n } of byLevel) openByLevel[level] = n;
  return { day, ...row, openByLevel, lastEventId: latestIncidentEventId(db) };
}
