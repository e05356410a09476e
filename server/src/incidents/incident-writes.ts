import {
  allowedTransitions,
  CLOCK_SKEW_MS,
  deadlineAt,
  intakeLevel,
  nextHandlingState,
  type IncidentEventRecord,
  type IncidentIntake,
  type TransitionRequest,
} from '@gridmap/shared';
import { inScope } from '../auth/scope.ts';
import { gridAt } from '../db/grid-at-sql.ts';
import { insertIncidentEvent, listIncidentEvents } from '../db/incident-events-sql.ts';
import { getIncident, type IncidentRow } from '../db/incidents-sql.ts';
import { insertIncident, updateIncidentState } from '../db/incident-writes-sql.ts';
import type { Db } from '../db/open-db.ts';
import { ApiError } from '../errors/api-error.ts';

/** What a write did: the incident after it and the event it recorded. */
export interface IncidentChange {
  incident: IncidentRow;
  event: IncidentEventRecord;
}

/**
 * Intake: finds the grid by point-in-polygon (403 when it lies outside `scope`, the account's
 * area), sets the handling level and the deadline from the shared rules, and stores the incident
 * with its `report` event in one transaction.
 */
export function reportIncident(db: Db, intake: IncidentIntake, now: Date, scope: number | null = null): IncidentChange {
  const reportedAt = intake.reportedAt ?? now.toISOString();
  notInFuture(reportedAt, now, 'reportedAt');
  const { lon, lat } = intake.location;
  return db.transaction((): IncidentChange => {
    const gridId = gridAt(db, lon, lat);
    if (gridId === null) {
      throw new ApiError('bad_request', `location (${lon}, ${lat}) lies outside the county: no grid contains it`, 'location');
    }
    if (!inScope(db, scope, gridId)) {
      throw new ApiError('forbidden', `location (${lon}, ${lat}) lies in grid ${gridId}, outside the account's area`, 'location');
    }
    if (intake.householdId !== undefined && !db.prepare('SELECT 1 FROM households WHERE id = ?').get(intake.householdId)) {
      throw new ApiError('bad_request', `householdId ${intake.householdId} is not a household`, 'householdId');
    }
    const level = intakeLevel(intake.kind, intake.severity);
    const id = insertIncident(db, {
      kind: intake.kind, status: 'reported', severity: intake.severity, source: intake.source, level, originLevel: level,
      description: intake.description, lon, lat, gridId, householdId: intake.householdId ?? null,
      mediationPointId: null, assignee: null, referredTo: null, reportedAt,
      deadlineAt: deadlineAt(intake.kind, intake.severity, reportedAt), resolvedAt: null, closedAt: null,
    }, intake.parties ?? []);
    const event = insertIncidentEvent(db, {
      incidentId: id, kind: 'report', actor: intake.actor, at: reportedAt, note: '', fromStatus: null,
      toStatus: 'reported', fromLevel: null, toLevel: level, mediationPointId: null, assignee: null,
      referredTo: null, reason: null,
    }, now.toISOString());
    return { incident: getIncident(db, id, now)!, event };
  })();
}

/**
 * One step of the handling cycle, in one transaction: refused with 409 when the incident has
 * moved on since `expectedVersion` or the cycle does not allow the step from its state.
 */
export function transitionIncident(db: Db, id: number, request: TransitionRequest, now: Date): IncidentChange {
  const at = request.at ?? now.toISOString();
  notInFuture(at, now, 'at');
  return db.transaction((): IncidentChange => {
    const incident = getIncident(db, id, now);
    if (incident === null) throw new ApiError('not_found', `No incident with id ${id}`);
    if (incident.version !== request.expectedVersion) {
      throw new ApiError('conflict',
        `incident ${id} is at version ${incident.version}, not ${request.expectedVersion}: it was changed by someone else; reload it and try again`,
        'expectedVersion');
    }
    const next = nextHandlingState(incident, request.transition);
    if (next === null) {
      const allowed = allowedTransitions(incident);
      throw new ApiError('conflict',
        `cannot ${request.transition} an incident that is ${incident.status} at the ${incident.level} level; ` +
          (allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'no transition is allowed now'),
        'transition');
    }
    const last = listIncidentEvents(db, id).at(-1);
    if (last && at < last.at) {
      throw new ApiError('bad_request', `at ${at} is before the incident's last event (${last.kind} at ${last.at})`, 'at');
    }
    if (request.transition === 'assign') checkMediationPoint(db, request.mediationPointId, incident.kind);

    updateIncidentState(db, id, request.expectedVersion, {
      status: next.status,
      level: next.level,
      mediationPointId: request.transition === 'assign' ? request.mediationPointId : incident.mediationPointId,
      assignee: request.transition === 'assign' ? request.assignee : incident.assignee,
      referredTo: request.transition === 'refer' ? request.referredTo : incident.referredTo,
      resolvedAt: request.transition === 'resolve' ? at : incident.resolvedAt,
      closedAt: request.transition === 'close' ? at : incident.closedAt,
    });
    const event = insertIncidentEvent(db, {
      incidentId: id, kind: request.transition, actor: request.actor, at, note: request.note ?? '',
      fromStatus: incident.status, toStatus: next.status, fromLevel: incident.level, toLevel: next.level,
      mediationPointId: request.transition === 'assign' ? request.mediationPointId : null,
      assignee: request.transition === 'assign' ? request.assignee : null,
      referredTo: request.transition === 'refer' ? request.referredTo : null,
      reason: request.transition === 'escalate' ? request.reason : null,
    }, now.toISOString());
    return { incident: getIncident(db, id, now)!, event };
  })();
}

function notInFuture(iso: string, now: Date, field: string): void {
  if (Date.parse(iso) > now.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError('bad_request', `${field} ${iso} is in the future (the server's time is ${now.toISOString()})`, field);
  }
}

/** A case goes to a point that takes its kind of dispute (就地解决 with the right committee). */
function checkMediationPoint(db: Db, pointId: number, kind: string): void {
  const row = db.prepare('SELECT name, dispute_kinds AS kinds FROM mediation_points WHERE id = ?').get(pointId) as
    | { name: string; kinds: string }
    | undefined;
  if (!row) throw new ApiError('bad_request', `mediationPointId ${pointId} is not a mediation point`, 'mediationPointId');
  if (!(JSON.parse(row.kinds) as string[]).includes(kind)) {
    throw new ApiError('bad_request', `mediation point ${pointId} (${row.name}) does not take ${kind} disputes`, 'mediationPointId');
  }
}
