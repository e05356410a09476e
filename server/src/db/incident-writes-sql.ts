import type { AreaLevel, IncidentRecord, IncidentStatus, Party, ReferralTarget } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/** Inserts a new incident and its R*Tree entry; returns its id. */
export function insertIncident(db: Db, incident: Omit<IncidentRecord, 'id'>, parties: Party[]): number {
  const i = incident;
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO incidents (kind, status, severity, source, level, origin_level, description, lon, lat,
        grid_id, household_id, mediation_point_id, assignee, referred_to, reported_at, deadline_at, resolved_at,
        closed_at, parties)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(i.kind, i.status, i.severity, i.source, i.level, i.originLevel, i.description, i.lon, i.lat, i.gridId,
      i.householdId, i.mediationPointId, i.assignee, i.referredTo, i.reportedAt, i.deadlineAt, i.resolvedAt,
      i.closedAt, JSON.stringify(parties));
  const id = Number(lastInsertRowid);
  db.prepare('INSERT INTO incidents_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)')
    .run(id, i.lon, i.lon, i.lat, i.lat);
  return id;
}

/** The handling state a transition writes. */
export interface IncidentState {
  status: IncidentStatus;
  level: AreaLevel;
  mediationPointId: number | null;
  assignee: string | null;
  referredTo: ReferralTarget | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

/**
 * Writes the new state if the incident is still at `expectedVersion`, and bumps the version.
 * Throws if it is not: callers check the version first, so this guards a bug, not a race.
 */
export function updateIncidentState(db: Db, id: number, expectedVersion: number, s: IncidentState): void {
  const { changes } = db
    .prepare(`UPDATE incidents SET status = ?, level = ?, mediation_point_id = ?, assignee = ?, referred_to = ?,
        resolved_at = ?, closed_at = ?, version = version + 1
      WHERE id = ? AND version = ?`)
    .run(s.status, s.level, s.mediationPointId, s.assignee, s.referredTo, s.resolvedAt, s.closedAt, id, expectedVersion);
  if (changes !== 1) throw new Error(`incident ${id} is not at version ${expectedVersion}`);
}

/** The parties of an incident as stored (unmasked: callers mask them before they leave the server). */
export function incidentParties(db: Db, id: number): Party[] {
  const json = db.prepare('SELECT parties FROM incidents WHERE id = ?').pluck().get(id) as string | undefined;
  return json === undefined ? [] : (JSON.parse(json) as Party[]);
}
