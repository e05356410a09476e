import { queryOptions } from '@tanstack/react-query';
import { areaKeys, fetchAreaDetail } from '../../api/areas-api.ts';
import { fetchHouseholdNear, fetchIncidentNear, householdKeys, incidentKeys, type LngLat } from '../../api/points-api.ts';

/** An area's detail is refetched after this long, in ms: open cases change through the day. */
const DETAIL_STALE_MS = 60_000;

/** One area with its figures, path and counts by status. */
export function areaDetailQueryOptions(id: number) {
  return queryOptions({
    queryKey: areaKeys.detail(id),
    queryFn: ({ signal }) => fetchAreaDetail(id, signal),
    staleTime: DETAIL_STALE_MS,
  });
}

/** One incident, found around the point where it was clicked. */
export function incidentQueryOptions(id: number, at: LngLat) {
  return queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) => fetchIncidentNear(id, at, signal),
    staleTime: DETAIL_STALE_MS,
  });
}

/** One household, found around the point where it was clicked. */
export function householdQueryOptions(id: number, at: LngLat) {
  return queryOptions({
    queryKey: householdKeys.detail(id),
    queryFn: ({ signal }) => fetchHouseholdNear(id, at, signal),
    staleTime: DETAIL_STALE_MS,
  });
}
