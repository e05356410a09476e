import {
  householdFeatureSchema,
  incidentDetailSchema,
  incidentFeatureSchema,
  mediationPointCollectionSchema,
  mediationPointFeatureSchema,
} from '@gridmap/shared';
import type { z } from 'zod';
import { collectPages } from './collect-pages.ts';
import { ApiRequestError, fetchJson } from './fetch-json.ts';

/** Mediation points per page: the API's largest page, so a county (~200) is one request. */
export const MEDIATION_POINT_PAGE_LIMIT = 10_000;

export type HouseholdFeature = z.infer<typeof householdFeatureSchema>;
export type IncidentFeature = z.infer<typeof incidentFeatureSchema>;
/** An incident with its masked parties, timeline, allowed next steps and time at each level. */
export type IncidentDetailFeature = z.infer<typeof incidentDetailSchema>;
export type MediationPointCollection = z.infer<typeof mediationPointCollectionSchema>;
export type MediationPointFeature = z.infer<typeof mediationPointFeatureSchema>;

export const householdKeys = {
  all: ['households'] as const,
  details: () => [...householdKeys.all, 'detail'] as const,
  detail: (id: number) => [...householdKeys.details(), id] as const,
};
export const incidentKeys = {
  all: ['incidents'] as const,
  counters: () => [...incidentKeys.all, 'counters'] as const,
  details: () => [...incidentKeys.all, 'detail'] as const,
  detail: (id: number) => [...incidentKeys.details(), id] as const,
};
export const mediationPointKeys = {
  all: ['mediation-points'] as const,
  lists: () => [...mediationPointKeys.all, 'list'] as const,
  details: () => [...mediationPointKeys.all, 'detail'] as const,
  detail: (id: number) => [...mediationPointKeys.details(), id] as const,
};

/** GET one feature; a 404 (deleted, or never there) is null rather than an error. */
async function fetchFeatureOrNull<S extends z.ZodTypeAny>(path: string, schema: S, signal?: AbortSignal) {
  try {
    return await fetchJson(path, schema, signal);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}

/** One household (`GET /api/households/:id`); null when there is none. */
export function fetchHousehold(id: number, signal?: AbortSignal): Promise<HouseholdFeature | null> {
  return fetchFeatureOrNull(`/api/households/${id}`, householdFeatureSchema, signal);
}

/**
 * One incident (`GET /api/incidents/:id`) with its timeline, `overdue` as of the server's clock;
 * null when there is none.
 */
export function fetchIncident(id: number, signal?: AbortSignal): Promise<IncidentDetailFeature | null> {
  return fetchFeatureOrNull(`/api/incidents/${id}`, incidentDetailSchema, signal);
}

/** One mediation point (`GET /api/mediation-points/:id`); null when there is none. */
export function fetchMediationPoint(id: number, signal?: AbortSignal): Promise<MediationPointFeature | null> {
  return fetchFeatureOrNull(`/api/mediation-points/${id}`, mediationPointFeatureSchema, signal);
}

/**
 * Every mediation point as one GeoJSON collection, following `nextCursor` to the last page: a
 * county has about 200 (one page), a province thousands.
 */
export function fetchMediationPoints(signal?: AbortSignal): Promise<MediationPointCollection> {
  return collectPages((cursor) => {
    const query = new URLSearchParams({ limit: String(MEDIATION_POINT_PAGE_LIMIT) });
    if (cursor !== null) query.set('cursor', cursor);
    return fetchJson(`/api/mediation-points?${query}`, mediationPointCollectionSchema, signal);
  });
}
