import { eventRecordedAt, incidentEventsAfter, latestIncidentEventId, latestIncidentEvents } from '../db/incident-events-sql.ts';
import { getIncident } from '../db/incidents-sql.ts';
import type { Db } from '../db/open-db.ts';
import { incidentFeature } from '../incidents/incident-feature.ts';
import { sseFrame } from './sse-frame.ts';

/**
 * How far back a reconnecting client is replayed what it missed, in ms: a day covers a laptop
 * closed overnight at the command centre, a network outage or a server restart. Events are
 * kept for ever (they are the timelines); the window bounds only the replay.
 */
export const LIVE_REPLAY_WINDOW_MS = 24 * 3_600_000;
/** At most this many events are replayed; a client further behind is told to reload. */
export const LIVE_REPLAY_MAX_EVENTS = 10_000;
/** What the browser waits before reconnecting after the stream drops, in ms. */
export const LIVE_RETRY_MS = 2_000;

/**
 * The frames a client gets on connecting. Without `lastEventId`: a `hello` carrying the newest
 * event id, so that its EventSource resumes from there after a drop. With one: every event
 * after it with the incident as it is now, or a `reset` (reload everything) when the gap is
 * older than the replay window or longer than LIVE_REPLAY_MAX_EVENTS.
 */
export function openingFrames(db: Db, lastEventId: number | null, now: Date, scope: ReadonlySet<number> | null = null): string {
  const latest = latestIncidentEventId(db);
  const retry = `retry: ${LIVE_RETRY_MS}\n\n`;
  if (lastEventId === null || lastEventId >= latest) {
    return retry + sseFrame('hello', { lastEventId: latest, serverTime: now.toISOString() }, latest);
  }
  const events = incidentEventsAfter(db, lastEventId, LIVE_REPLAY_MAX_EVENTS + 1);
  const oldest = eventRecordedAt(db, events[0].id)!;
  if (events.length > LIVE_REPLAY_MAX_EVENTS || Date.parse(oldest) < now.getTime() - LIVE_REPLAY_WINDOW_MS) {
    const reason = events.length > LIVE_REPLAY_MAX_EVENTS ? 'too_many_missed' : 'outside_window';
    return retry + sseFrame('reset', { reason, lastEventId: latest }, latest);
  }
  const incidents = new Map<number, ReturnType<typeof incidentFeature>>();
  let frames = retry;
  for (const event of events) {
    if (scope !== null && !scope.has(incidentGrid(db, event.incidentId))) continue;
    if (!incidents.has(event.incidentId)) incidents.set(event.incidentId, incidentFeature(getIncident(db, event.incidentId, now)!));
    frames += sseFrame('incident', { event, incident: incidents.get(event.incidentId) }, event.id);
  }
  return frames;
}

/**
 * The newest `limit` events, newest first, each with its incident as it is now: what a command
 * centre's feed shows on opening, before the stream (opened with `lastEventId` = the first id
 * here) brings what follows.
 */
export function recentMessages(db: Db, limit: number, now: Date, scopeAreaId: number | null = null) {
  const incidents = new Map<number, ReturnType<typeof incidentFeature>>();
  return latestIncidentEvents(db, limit, scopeAreaId).map((event) => {
    if (!incidents.has(event.incidentId)) incidents.set(event.incidentId, incidentFeature(getIncident(db, event.incidentId, now)!));
    return { event, incident: incidents.get(event.incidentId)! };
  });
}

function incidentGrid(db: Db, incidentId: number): number {
  return db.prepare('SELECT grid_id FROM incidents WHERE id = ?').pluck().get(incidentId) as number;
}

/** The ids of the area `areaId` and every area inside it: a live client's scope. */
export function scopeAreas(db: Db, areaId: number): ReadonlySet<number> {
  return new Set(db.prepare('SELECT descendant_id FROM area_closure WHERE ancestor_id = ?').pluck().all(areaId) as number[]);
}
