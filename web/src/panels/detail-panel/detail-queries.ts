import { queryOptions } from '@tanstack/react-query';
import { areaKeys, fetchAreaDetail } from '../../api/areas-api.ts';
import {
  fetchHousehold,
  fetchIncident,
  fetchMediationPoint,
  householdKeys,
  incidentKeys,
  mediationPointKeys,
} from '../../api/points-api.ts';

/** A detail is refetched after this long, in ms: open cases change through the day. */
const DETAIL_STALE_MS = 60_000;

/** One area with its figures, path and counts by status. */
export function areaDetailQueryOptions(id: number) {
  return queryOptions({
    queryKey: areaKeys.detail(id),
    queryFn: ({ signal }) => fetchAreaDetail(id, signal),
    staleTime: DETAIL_STALE_MS,
  });
}

/** One incident by id. */
export function incidentQueryOptions(id: number) {
  return queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) => fetchIncident(id, signal),
    staleTime: DETAIL_STALE_MS,
  });
}

/** One household by id. */
export function householdQueryOptions(id: number) {
  return queryOptions({
    queryKey: householdKeys.detail(id),
    queryFn: ({ signal }) => fetchHousehold(id, signal),
    staleTime: DETAIL_STALE_MS,
  });
}

/** One mediation point by id. */
export function mediationPointQueryOptions(id: number) {
  return queryOptions({
    queryKey: mediationPointKeys.detail(id),
    queryFn: ({ signal }) => fetchMediationPoint(id, signal),
    staleTime: DETAIL_STALE_MS,
  });
}
