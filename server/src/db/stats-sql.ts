import type { AreaLevel, IncidentKind, IncidentSource, IncidentStatus } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/**
 * One incident as the figures read it, a raw row (no object per row: a province holds millions):
 * [id, grid id, kind, source, status, level, origin level, severity, reported at, deadline at, resolved at].
 */
export type StatsIncidentRow = [
  id: number,
  gridId: number,
  kind: IncidentKind,
  source: IncidentSource,
  status: IncidentStatus,
  level: AreaLevel,
  originLevel: AreaLevel,
  severity: number,
  reportedAt: string,
  deadlineAt: string,
  resolvedAt: string | null,
];

const STATS_COLUMNS = `id, grid_id, kind, source, status, level, origin_level, severity, reported_at, deadline_at, resolved_at`;

/**
 * Up to `limit` incidents in report order (reported_at, id) after the position `after` (from the
 * first when null): the stats store reads them a chunk at a time. The row-value comparison
 * walks the reported_at index, so each chunk starts where the last ended.
 */
export function statsIncidentsAfter(db: Db, after: [reportedAt: string, id: number] | null, limit: number): StatsIncidentRow[] {
  const rows = after === null
    ? db.prepare(`SELECT ${STATS_COLUMNS} FROM incidents ORDER BY reported_at, id LIMIT ?`).raw().all(limit)
    : db.prepare(`SELECT ${STATS_COLUMNS} FROM incidents WHERE (reported_at, id) > (?, ?) ORDER BY reported_at, id LIMIT ?`)
      .raw()
      .all(after[0], after[1], limit);
  return rows as StatsIncidentRow[];
}

/** The newest timeline event's id (0 without events): every change of an incident adds one (issue 3). */
export function lastIncidentEventId(db: Db): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) FROM incident_events`).pluck().get() as number) ?? 0;
}

/** The figure columns of the incidents with an event after `eventId`, oldest report first. */
export function statsIncidentsChangedSince(db: Db, eventId: number): StatsIncidentRow[] {
  return db
    .prepare(`SELECT ${STATS_COLUMNS} FROM incidents
      WHERE id IN (SELECT incident_id FROM incident_events WHERE id > ?) ORDER BY reported_at, id`)
    .raw()
    .all(eventId) as StatsIncidentRow[];
}

/** Every area's parent, for rolling grids up to the areas the figures are asked for. */
export function areaParents(db: Db): Map<number, number | null> {
  const rows = db.prepare(`SELECT id, parent_id AS parentId FROM areas`).all() as { id: number; parentId: number | null }[];
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

/** Every area at or below a county with the county it lies in (a county with itself). */
export function areaCounties(db: Db): [areaId: number, countyId: number][] {
  return db
    .prepare(`SELECT c.descendant_id, c.ancestor_id FROM area_closure c JOIN areas a ON a.id = c.ancestor_id WHERE a.level = 'county'`)
    .raw()
    .all() as [number, number][];
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
