import { coverageSchema, coverageSuggestionsSchema, householdCollectionSchema, type IncidentKind } from '@gridmap/shared';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../../api/fetch-json.ts';

/** Households listed per page behind a figure. */
export const COVERAGE_HOUSEHOLD_PAGE = 50;

export const coverageKeys = {
  all: ['coverage'] as const,
  figures: (distanceM: number, kind: IncidentKind) => [...coverageKeys.all, 'figures', distanceM, kind] as const,
  households: (distanceM: number, kind: IncidentKind, areaId: number) => [...coverageKeys.all, 'households', distanceM, kind, areaId] as const,
  suggestions: (distanceM: number, kind: IncidentKind, n: number) => [...coverageKeys.all, 'suggestions', distanceM, kind, n] as const,
};

/** Figures of every area for one kind at one distance. */
export function coverageQueryOptions(distanceM: number, kind: IncidentKind) {
  return queryOptions({
    queryKey: coverageKeys.figures(distanceM, kind),
    queryFn: ({ signal }) => fetchJson(`/api/coverage?distance=${distanceM}&kind=${kind}`, coverageSchema, signal),
    placeholderData: keepPreviousData,
  });
}

/** The uncovered households of one area, a page at a time. */
export function coverageHouseholdsQueryOptions(distanceM: number, kind: IncidentKind, areaId: number) {
  return infiniteQueryOptions({
    queryKey: coverageKeys.households(distanceM, kind, areaId),
    queryFn: ({ signal, pageParam }) =>
      fetchJson(
        `/api/coverage/households?kind=${kind}&distance=${distanceM}&areaId=${areaId}&limit=${COVERAGE_HOUSEHOLD_PAGE}${pageParam ? `&cursor=${pageParam}` : ''}`,
        householdCollectionSchema,
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Where `n` new points taking `kind` would cover the most uncovered households. */
export function suggestionsQueryOptions(distanceM: number, kind: IncidentKind, n: number) {
  return queryOptions({
    queryKey: coverageKeys.suggestions(distanceM, kind, n),
    queryFn: ({ signal }) => fetchJson(`/api/coverage/suggestions?kind=${kind}&distance=${distanceM}&n=${n}`, coverageSuggestionsSchema, signal),
  });
}
