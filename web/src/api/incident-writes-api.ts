import {
  incidentCountersSchema,
  incidentFeatureSchema,
  liveIncidentMessageSchema,
  type IncidentCounters,
  type IncidentIntake,
  type LiveIncidentMessage,
  type TransitionRequest,
} from '@gridmap/shared';
import { fetchJson, postJson } from './fetch-json.ts';
import type { IncidentFeature } from './points-api.ts';

/** `POST /api/incidents`: the new incident as stored (grid, level and deadline set by the server). */
export function postIncident(intake: IncidentIntake): Promise<IncidentFeature> {
  return postJson('/api/incidents', intake, incidentFeatureSchema);
}

/** `POST /api/incidents/:id/transitions`: the incident after the step; 409 when it moved on. */
export function postTransition(id: number, request: TransitionRequest): Promise<IncidentFeature> {
  return postJson(`/api/incidents/${id}/transitions`, request, incidentFeatureSchema);
}

/** `GET /api/incidents/counters`. */
export function fetchIncidentCounters(signal?: AbortSignal): Promise<IncidentCounters> {
  return fetchJson('/api/incidents/counters', incidentCountersSchema, signal);
}

/** `GET /api/live/recent`: the newest `limit` events, newest first. */
export function fetchRecentEvents(limit: number, signal?: AbortSignal): Promise<LiveIncidentMessage[]> {
  return fetchJson(`/api/live/recent?limit=${limit}`, liveIncidentMessageSchema.array(), signal);
}
