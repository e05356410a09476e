import { nearestMediationCollectionSchema, type AreaLevel, type IncidentKind, type NearestMediationCollection } from '@gridmap/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../../api/fetch-json.ts';
import type { NearestOrigin } from './nearest-store.ts';

/** Filters of a nearest search beside its origin. */
export interface NearestFilters {
  /** For a place: the kind the candidates must take (none: any). An incident brings its own. */
  disputeKind: IncidentKind | null;
  /** The server's time now, when only points open now are wanted (ISO). */
  openAt: string | null;
  level: AreaLevel | null;
  k: number;
}

/** The API path of a search: by place, or from an incident (which brings its place and kind). */
export function nearestPath(origin: NearestOrigin, filters: NearestFilters): string {
  const params = new URLSearchParams();
  if (origin.kind === 'place') {
    params.set('lon', origin.at[0].toFixed(6));
    params.set('lat', origin.at[1].toFixed(6));
    if (filters.disputeKind) params.set('disputeKind', filters.disputeKind);
  }
  params.set('k', String(filters.k));
  if (filters.openAt) params.set('openAt', filters.openAt);
  if (filters.level) params.set('level', filters.level);
  const base = origin.kind === 'place' ? '/api/mediation-points/nearest' : `/api/incidents/${origin.id}/nearest-mediation`;
  return `${base}?${params}`;
}

export const nearestKeys = {
  all: ['mediation-points', 'nearest'] as const,
  search: (path: string) => [...nearestKeys.all, path] as const,
};

/** One search; the list keeps the last answer while filters change, so it does not flicker. */
export function nearestQueryOptions(path: string) {
  return queryOptions<NearestMediationCollection>({
    queryKey: nearestKeys.search(path),
    queryFn: ({ signal }) => fetchJson(path, nearestMediationCollectionSchema, signal),
    placeholderData: keepPreviousData,
  });
}
