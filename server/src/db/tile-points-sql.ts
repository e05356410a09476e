import type { IncidentKind, IncidentStatus, Severity } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/** Every household as a compact row for the tile index: [id, lon, lat, size, tags JSON, grid id]. */
export function* iterateHouseholdPoints(db: Db): Generator<[number, number, number, number, string, number]> {
  yield* db
    .prepare('SELECT id, lon, lat, size, tags, grid_id FROM households ORDER BY id')
    .raw()
    .iterate() as Iterable<[number, number, number, number, string, number]>;
}

export function countHouseholds(db: Db): number {
  return db.prepare('SELECT count(*) FROM households').pluck().get() as number;
}

/** Every incident for the tile index: [id, lon, lat, kind, status, severity, reportedAt, deadlineAt, grid id]. */
export function* iterateIncidentPoints(
  db: Db,
): Generator<[number, number, number, IncidentKind, IncidentStatus, Severity, string, string, number]> {
  yield* db
    .prepare('SELECT id, lon, lat, kind, status, severity, reported_at, deadline_at, grid_id FROM incidents ORDER BY id')
    .raw()
    .iterate() as Iterable<[number, number, number, IncidentKind, IncidentStatus, Severity, string, string, number]>;
}

/** The ids of the grids inside area `areaId` (itself, when it is a grid): what a scoped account's tiles show. */
export function gridIdsWithin(db: Db, areaId: number): Set<number> {
  return new Set(
    db.prepare(`SELECT a.id FROM area_closure c JOIN areas a ON a.id = c.descendant_id WHERE c.ancestor_id = ? AND a.level = 'grid'`)
      .pluck()
      .all(areaId) as number[],
  );
}

export function countIncidents(db: Db): number {
  return db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
}
