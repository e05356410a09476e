import { incidentListSchema } from '@gridmap/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../../api/fetch-json.ts';
import { incidentKeys } from '../../api/points-api.ts';

/** Rows per page of the table: one screen of dense rows. */
export const TABLE_PAGE_ROWS = 50;
/** A page is refetched after this long, in ms. */
const PAGE_STALE_MS = 30_000;

/** One page of the table: the list's query (filters and sort) and the cursor of the page, null for the first. */
export function incidentPageQueryOptions(query: URLSearchParams, cursor: string | null) {
  const p = new URLSearchParams(query);
  p.set('limit', String(TABLE_PAGE_ROWS));
  if (cursor) p.set('cursor', cursor);
  const search = p.toString();
  return queryOptions({
    queryKey: [...incidentKeys.all, 'table', search] as const,
    queryFn: ({ signal }) => fetchJson(`/api/incidents?${search}`, incidentListSchema, signal),
    staleTime: PAGE_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

/** Where the exports of the same selection are: the list's filters and sort, no paging. */
export function exportHref(format: 'csv' | 'geojson', query: URLSearchParams): string {
  return `/api/exports/incidents.${format}?${query.toString()}`;
}
