import type { IncidentKind, IncidentStatus, Severity } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/** Every household as a compact row for the tile index: [id, lon, lat, size, tags JSON]. */
export function* iterateHouseholdPoints(db: Db): Generator<[number, number, number, number, string]> {
  yield* db
    .prepare('SELECT id, lon, lat, size, tags FROM households ORDER BY id')
    .raw()
    .iterate() as Iterable<[number, number, number, number, string]>;
}

export function countHouseholds(db: Db): number {
  return db.prepare('SELECT count(*) FROM households').pluck().get() as number;
}

/** Every incident for the tile index: [id, lon, lat, kind, status, severity, reportedAt, deadlineAt]. */
export function* iterateIncidentPoints(
  db: Db,
): Generator<[number, number, number, IncidentKind, IncidentStatus, Severity, string, string]> {
  yield* db
    .prepare('SELECT id, lon, lat, kind, status, severity, reported_at, deadline_at FROM incidents ORDER BY id')
    .raw()
    .iterate() as Iterable<[number, number, number, IncidentKind, IncidentStatus, Severity, string, string]>;
}

export function countIncidents(db: Db): number {
  return db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
}
