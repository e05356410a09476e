import type { IncidentEventRecord } from '@gridmap/shared';
import { inSubtree } from './in-subtree.ts';
import type { Db } from './open-db.ts';

const EVENT_COLUMNS = `e.id, e.incident_id AS incidentId, e.kind, e.actor, e.at, e.note,
  e.from_status AS fromStatus, e.to_status AS toStatus, e.from_level AS fromLevel, e.to_level AS toLevel,
  e.mediation_point_id AS mediationPointId, e.assignee, e.referred_to AS referredTo, e.reason`;

/** The timeline of one incident, oldest first. */
export function listIncidentEvents(db: Db, incidentId: number): IncidentEventRecord[] {
  return db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events e WHERE e.incident_id = ? ORDER BY e.id`)
    .all(incidentId) as IncidentEventRecord[];
}

/** One event, or null. */
export function getIncidentEvent(db: Db, id: number): IncidentEventRecord | null {
  return (db.prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events e WHERE e.id = ?`).get(id) as IncidentEventRecord) ?? null;
}

/** Appends an event; returns it with its id. `recordedAt` is the server's time of the write. */
export function insertIncidentEvent(db: Db, event: Omit<IncidentEventRecord, 'id'>, recordedAt: string): IncidentEventRecord {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO incident_events (incident_id, kind, actor, at, note, from_status, to_status,
        from_level, to_level, mediation_point_id, assignee, referred_to, reason, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(event.incidentId, event.kind, event.actor, event.at, event.note, event.fromStatus, event.toStatus,
      event.fromLevel, event.toLevel, event.mediationPointId, event.assignee, event.referredTo, event.reason, recordedAt);
  return { id: Number(lastInsertRowid), ...event };
}

/** The id of the newest event, 0 when there is none. */
export function latestIncidentEventId(db: Db): number {
  return (db.prepare('SELECT max(id) FROM incident_events').pluck().get() as number | null) ?? 0;
}

/** Events after `afterId` (the live stream's Last-Event-ID), oldest first, `limit` at most. */
export function incidentEventsAfter(db: Db, afterId: number, limit: number): IncidentEventRecord[] {
  return db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events e WHERE e.id > ? ORDER BY e.id LIMIT ?`)
    .all(afterId, limit) as IncidentEventRecord[];
}

/** When the event with id `id` was stored (ISO), or null when there is none. */
export function eventRecordedAt(db: Db, id: number): string | null {
  return (db.prepare('SELECT recorded_at FROM incident_events WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

/** The newest `limit` events, newest first; of incidents inside the area `scope` when given. */
export function latestIncidentEvents(db: Db, limit: number, scope: number | null = null): IncidentEventRecord[] {
  if (scope === null) {
    return db.prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events e ORDER BY e.id DESC LIMIT ?`).all(limit) as IncidentEventRecord[];
  }
  return db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM incident_events e JOIN incidents i ON i.id = e.incident_id
      WHERE ${inSubtree('i.grid_id')} ORDER BY e.id DESC LIMIT ?`)
    .all(scope, limit) as IncidentEventRecord[];
}
