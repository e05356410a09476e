import type { AreaTreeLevel } from '@gridmap/shared';
import { queryOptions } from '@tanstack/react-query';
import { areaKeys, fetchAreas } from '../api/areas-api.ts';
import { configKeys, fetchConfig } from '../api/config-api.ts';
import { fetchMediationPoints, mediationPointKeys } from '../api/points-api.ts';

/** Figures on the areas (households, open incidents) are refetched after this long, in ms. */
const AREA_STALE_MS = 5 * 60_000;
/** Mediation points move only when an administrator edits them; refetched after this, in ms. */
const MEDIATION_STALE_MS = 5 * 60_000;

/** The deployment's client configuration; read once per page. */
export const configQueryOptions = queryOptions({
  queryKey: configKeys.all,
  queryFn: ({ signal }) => fetchConfig(signal),
  staleTime: Infinity,
  retry: 1,
});

/** The areas of one level, drawn as boundaries, fills and labels. */
export function areasQueryOptions(level: AreaTreeLevel) {
  return queryOptions({
    queryKey: areaKeys.list(level),
    queryFn: ({ signal }) => fetchAreas(level, signal),
    staleTime: AREA_STALE_MS,
  });
}

/** Every mediation point, drawn as symbols and looked up when one is clicked. */
export const mediationPointsQueryOptions = queryOptions({
  queryKey: mediationPointKeys.lists(),
  queryFn: ({ signal }) => fetchMediationPoints(signal),
  staleTime: MEDIATION_STALE_MS,
});
