import { areaStatsSchema, childrenStatsSchema, type Figure } from '@gridmap/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../../api/fetch-json.ts';

/** Figures are refetched after this long, in ms: open and overdue move through the day. */
const STATS_STALE_MS = 60_000;

/** A period as the stats routes read it: county days, or null for the default year. */
export interface PeriodQuery {
  from: string | null;
  to: string | null;
}

function periodSearch({ from, to }: PeriodQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams(extra);
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** Query keys of the figures, under ['areas', 'stats'] so that invalidating areas refreshes them. */
export const statsKeys = {
  all: ['areas', 'stats'] as const,
  area: (id: number, period: PeriodQuery) => [...statsKeys.all, 'area', id, period] as const,
  children: (id: number, figure: Figure, period: PeriodQuery) => [...statsKeys.all, 'children', id, figure, period] as const,
};

/** The figures of one area with the previous period, siblings, months and breakdowns. */
export function areaStatsQueryOptions(id: number, period: PeriodQuery) {
  return queryOptions({
    queryKey: statsKeys.area(id, period),
    queryFn: ({ signal }) => fetchJson(`/api/areas/${id}/stats${periodSearch(period)}`, areaStatsSchema, signal),
    staleTime: STATS_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

/** One figure of each child of an area, for the map. */
export function childrenStatsQueryOptions(id: number, figure: Figure, period: PeriodQuery) {
  return queryOptions({
    queryKey: statsKeys.children(id, figure, period),
    queryFn: ({ signal }) => fetchJson(`/api/areas/${id}/children/stats${periodSearch(period, { figure })}`, childrenStatsSchema, signal),
    staleTime: STATS_STALE_MS,
  });
}
