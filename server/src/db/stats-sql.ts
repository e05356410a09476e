import {
  CONCLUDED_STATUSES,
  OPEN_STATUSES,
  RESOLVE_BUCKET_MS,
  emptyTally,
  type AreaLevel,
  type IncidentKind,
  type IncidentSource,
  type IncidentStatus,
  type IncidentTally,
  type MonthlyPoint,
} from '@gridmap/shared';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

/** Reported at or after `from`, before `to` (ISO instants, UTC). */
export interface InstantRange {
  from: string;
  to: string;
}

const OPEN = `i.status IN ${placeholders(OPEN_STATUSES.length)}`;
const CONCLUDED = `i.status IN ${placeholders(CONCLUDED_STATUSES.length)}`;
const LEVEL_RANK = (column: string) =>
  `(CASE ${column} WHEN 'county' THEN 0 WHEN 'town' THEN 1 WHEN 'community' THEN 2 ELSE 3 END)`;
/** Milliseconds from report to resolution, rounded to whole ms as the ISO texts hold them. */
const RESOLVE_MS = `CAST(round((julianday(i.resolved_at) - julianday(i.reported_at)) * 86400000) AS INTEGER)`;
/** The county's calendar month of the report: timestamps are UTC, the county is UTC+8. */
const COUNTY_MONTH = `strftime('%Y-%m', i.reported_at, '+8 hours')`;

interface TallyRow {
  areaId: number;
  reported: number;
  severityWeight: number;
  open: number;
  overdue: number;
  resolved: number;
  concluded: number;
  resolvedAtOrigin: number;
}

/**
 * The tally (shared/src/figures/incident-tally.ts, same definitions) of each area in `areaIds`
 * over incidents reported in `range`, at `now`: one grouped pass through the closure table for
 * the counts and one for the histogram of days to resolve. Areas without incidents get an
 * empty tally.
 */
export function tallyAreas(db: Db, areaIds: readonly number[], range: InstantRange, now: Date): Map<number, IncidentTally> {
  const tallies = new Map(areaIds.map((id) => [id, emptyTally()]));
  if (areaIds.length === 0) return tallies;
  const scope = `FROM incidents i JOIN area_closure c ON c.descendant_id = i.grid_id
    WHERE c.ancestor_id IN ${placeholders(areaIds.length)} AND i.reported_at >= ? AND i.reported_at < ?`;
  const rows = db
    .prepare(`SELECT c.ancestor_id AS areaId, count(*) AS reported, sum(i.severity) AS severityWeight,
        sum(${OPEN}) AS open, sum(${OPEN} AND i.deadline_at < ?) AS overdue,
        sum(i.resolved_at IS NOT NULL) AS resolved, sum(${CONCLUDED}) AS concluded,
        sum(i.resolved_at IS NOT NULL AND ${LEVEL_RANK('i.level')} >= ${LEVEL_RANK('i.origin_level')}) AS resolvedAtOrigin
      ${scope} GROUP BY c.ancestor_id`)
    .all(...OPEN_STATUSES, ...OPEN_STATUSES, now.toISOString(), ...CONCLUDED_STATUSES, ...areaIds, range.from, range.to) as TallyRow[];
  for (const { areaId, ...counts } of rows) Object.assign(tallies.get(areaId)!, counts);

  const buckets = db
    .prepare(`SELECT c.ancestor_id AS areaId, max(${RESOLVE_MS}, 0) / ${RESOLVE_BUCKET_MS} AS bucket, count(*) AS n
      ${scope} AND i.resolved_at IS NOT NULL GROUP BY c.ancestor_id, bucket`)
    .all(...areaIds, range.from, range.to) as { areaId: number; bucket: number; n: number }[];
  for (const { areaId, bucket, n } of buckets) tallies.get(areaId)!.resolveDays[bucket] = n;
  return tallies;
}

/** Reported, resolved and still open per county month, for incidents of the area reported in `range`. */
export function monthlySeries(db: Db, areaId: number, range: InstantRange): MonthlyPoint[] {
  return db
    .prepare(`SELECT ${COUNTY_MONTH} AS month, count(*) AS reported, sum(i.resolved_at IS NOT NULL) AS resolved,
        sum(${OPEN}) AS open
      FROM incidents i WHERE i.grid_id IN (SELECT descendant_id FROM area_closure WHERE ancestor_id = ?)
        AND i.reported_at >= ? AND i.reported_at < ?
      GROUP BY month ORDER BY month`)
    .all(...OPEN_STATUSES, areaId, range.from, range.to) as MonthlyPoint[];
}

export interface Breakdowns {
  byKind: Partial<Record<IncidentKind, number>>;
  bySource: Partial<Record<IncidentSource, number>>;
  byLevel: Partial<Record<AreaLevel, number>>;
  byStatus: Partial<Record<IncidentStatus, number>>;
}

/** Counts of the area's incidents reported in `range` by kind, source, handling level and status, in one pass. */
export function breakdowns(db: Db, areaId: number, range: InstantRange): Breakdowns {
  const rows = db
    .prepare(`SELECT i.kind, i.source, i.level, i.status, count(*) AS n
      FROM incidents i WHERE i.grid_id IN (SELECT descendant_id FROM area_closure WHERE ancestor_id = ?)
        AND i.reported_at >= ? AND i.reported_at < ?
      GROUP BY i.kind, i.source, i.level, i.status`)
    .all(areaId, range.from, range.to) as { kind: IncidentKind; source: IncidentSource; level: AreaLevel; status: IncidentStatus; n: number }[];
  const result: Breakdowns = { byKind: {}, bySource: {}, byLevel: {}, byStatus: {} };
  const add = <K extends string>(counts: Partial<Record<K, number>>, key: K, n: number) => {
    counts[key] = (counts[key] ?? 0) + n;
  };
  for (const r of rows) {
    add(result.byKind, r.kind, r.n);
    add(result.bySource, r.source, r.n);
    add(result.byLevel, r.level, r.n);
    add(result.byStatus, r.status, r.n);
  }
  return result;
}

/** The fields of an area the figures read. */
export interface StatsArea {
  id: number;
  name: string;
  level: AreaLevel;
  parentId: number | null;
  households: number;
}

/** One area, or null. */
export function getStatsArea(db: Db, id: number): StatsArea | null {
  return (
    (db.prepare(`SELECT id, name, level, parent_id AS parentId, households FROM areas WHERE id = ?`).get(id) as StatsArea | undefined) ??
    null
  );
}

/** The areas directly under `parentId`, ordered by id. */
export function childStatsAreas(db: Db, parentId: number): StatsArea[] {
  return db
    .prepare(`SELECT id, name, level, parent_id AS parentId, households FROM areas WHERE parent_id = ? ORDER BY id`)
    .all(parentId) as StatsArea[];
}

/** Every area's name and parent, for naming an incident's town, community and grid in exports. */
export function areaNames(db: Db): Map<number, { name: string; parentId: number | null }> {
  const rows = db.prepare(`SELECT id, name, parent_id AS parentId FROM areas`).all() as { id: number; name: string; parentId: number | null }[];
  return new Map(rows.map(({ id, ...rest }) => [id, rest]));
}
