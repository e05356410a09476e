import {
  householdCollectionSchema,
  incidentCollectionSchema,
  mediationPointCollectionSchema,
} from '@gridmap/shared';
import type { z } from 'zod';
import { fetchJson } from './fetch-json.ts';

/**
 * Half the side of the box searched around a clicked tile point, in degrees (~55 m of
 * latitude). Tile coordinates are quantised, so a feature is looked up by id inside a box
 * rather than at the exact point.
 */
export const NEAR_DEGREES = 0.0005;
/** Features fetched around a click at most; a box of ~100 m never holds more in the demo. */
const NEAR_LIMIT = 2000;
/** All mediation points in one page (the API's largest page). */
const MEDIATION_POINT_LIMIT = 10_000;

export type LngLat = [number, number];
export type HouseholdFeature = z.infer<typeof householdCollectionSchema>['features'][number];
export type IncidentFeature = z.infer<typeof incidentCollectionSchema>['features'][number];
export type MediationPointCollection = z.infer<typeof mediationPointCollectionSchema>;
export type MediationPointFeature = MediationPointCollection['features'][number];

export const householdKeys = {
  all: ['households'] as const,
  details: () => [...householdKeys.all, 'detail'] as const,
  detail: (id: number) => [...householdKeys.details(), id] as const,
};
export const incidentKeys = {
  all: ['incidents'] as const,
  details: () => [...incidentKeys.all, 'detail'] as const,
  detail: (id: number) => [...incidentKeys.details(), id] as const,
};
export const mediationPointKeys = {
  all: ['mediation-points'] as const,
  lists: () => [...mediationPointKeys.all, 'list'] as const,
};

/** `minLon,minLat,maxLon,maxLat` of the box of NEAR_DEGREES around a point. */
export function nearBbox([lon, lat]: LngLat): string {
  return [lon - NEAR_DEGREES, lat - NEAR_DEGREES, lon + NEAR_DEGREES, lat + NEAR_DEGREES]
    .map((value) => value.toFixed(6))
    .join(',');
}

/** One household by id, found in the box around where it was clicked; null when absent. */
export async function fetchHouseholdNear(id: number, at: LngLat, signal?: AbortSignal): Promise<HouseholdFeature | null> {
  const url = `/api/households?bbox=${nearBbox(at)}&limit=${NEAR_LIMIT}`;
  const page = await fetchJson(url, householdCollectionSchema, signal);
  return page.features.find((feature) => feature.id === id) ?? null;
}

/** One incident by id, found in the box around where it was clicked; null when absent. */
export async function fetchIncidentNear(id: number, at: LngLat, signal?: AbortSignal): Promise<IncidentFeature | null> {
  const url = `/api/incidents?bbox=${nearBbox(at)}&limit=${NEAR_LIMIT}`;
  const page = await fetchJson(url, incidentCollectionSchema, signal);
  return page.features.find((feature) => feature.id === id) ?? null;
}

/** Every mediation point (about 200 in the demo) as GeoJSON. */
export function fetchMediationPoints(signal?: AbortSignal): Promise<MediationPointCollection> {
  return fetchJson(`/api/mediation-points?limit=${MEDIATION_POINT_LIMIT}`, mediationPointCollectionSchema, signal);
}
