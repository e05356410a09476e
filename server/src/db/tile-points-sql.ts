import type { IncidentKind, IncidentStatus, Severity } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/** A household as a compact row for the tile index: [id, lon, lat, size, tags JSON, grid id]. */
export type HouseholdPointRow = [number, number, number, number, string, number];

/** Up to `limit` households after id `afterId` in id order: the index reads them a chunk at a time. */
export function householdPointsAfter(db: Db, afterId: number, limit: number): HouseholdPointRow[] {
  return db
    .prepare('SELECT id, lon, lat, size, tags, grid_id FROM households WHERE id > ? ORDER BY id LIMIT ?')
    .raw()
    .all(afterId, limit) as HouseholdPointRow[];
}

/**
 * At least as many as there are households: the span of their ids (unique integers), read from
 * the two ends of the rowid b-tree. The indexes size their arrays by it; a count(*) would read
 * ten million index entries of a province in one blocking call (over a second).
 */
export function householdIdSpan(db: Db): number {
  return db.prepare('SELECT coalesce((SELECT max(id) FROM households) - (SELECT min(id) FROM households) + 1, 0)').pluck().get() as number;
}

/** An incident for the tile index: [id, lon, lat, kind, status, severity, reportedAt, deadlineAt, grid id]. */
export type IncidentPointRow = [number, number, number, IncidentKind, IncidentStatus, Severity, string, string, number];

/** Up to `limit` incidents after id `afterId` in id order: the index reads them a chunk at a time. */
export function incidentPointsAfter(db: Db, afterId: number, limit: number): IncidentPointRow[] {
  return db
    .prepare('SELECT id, lon, lat, kind, status, severity, reported_at, deadline_at, grid_id FROM incidents WHERE id > ? ORDER BY id LIMIT ?')
    .raw()
    .all(afterId, limit) as IncidentPointRow[];
}

/** The ids of the grids inside area `areaId` (itself, when it is a grid): what a scoped account's tiles show. */
export function gridIdsWithin(db: Db, areaId: number): Set<number> {
  return new Set(
    db.prepare(`SELECT a.id FROM area_closure c JOIN areas a ON a.id = c.descendant_id WHERE c.ancestor_id = ? AND a.level = 'grid'`)
      .pluck()
      .all(areaId) as number[],
  );
}

/** At least as many as there are incidents, cheaply (see `householdIdSpan`). */
export function incidentIdSpan(db: Db): number {
  return db.prepare('SELECT coalesce((SELECT max(id) FROM incidents) - (SELECT min(id) FROM incidents) + 1, 0)').pluck().get() as number;
}

/** id → grid of the households or incidents now in these grids (after a plan moved them). */
export function pointGridsIn(db: Db, table: 'households' | 'incidents', gridIds: readonly number[]): Map<number, number> {
  const stmt = db.prepare(`SELECT id, grid_id FROM ${table} WHERE grid_id = ?`).raw();
  const out = new Map<number, number>();
  for (const grid of gridIds) for (const [id, g] of stmt.all(grid) as [number, number][]) out.set(id, g);
  return out;
}
