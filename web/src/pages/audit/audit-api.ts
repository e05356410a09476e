import { auditActionsSchema, auditPageSchema } from '@gridmap/shared';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../../api/fetch-json.ts';
import { AUDIT_PAGE_LINES, auditQueryString, type AuditFilters } from './audit-query.ts';

export const auditKeys = {
  all: ['audit'] as const,
  lines: (filters: AuditFilters) => ['audit', 'lines', filters] as const,
  actions: ['audit', 'actions'] as const,
};

/** Pages of the audit log, newest first; the next page starts before the last line shown. */
export function auditLinesQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.lines(filters),
    queryFn: ({ pageParam, signal }) => fetchJson(`/api/audit${auditQueryString(filters, pageParam)}`, auditPageSchema, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.length < AUDIT_PAGE_LINES ? undefined : page[page.length - 1].id),
  });
}

/** The actions the log holds, for the action filter. */
export const auditActionsQueryOptions = queryOptions({
  queryKey: auditKeys.actions,
  queryFn: ({ signal }) => fetchJson('/api/audit/actions', auditActionsSchema, signal),
});
