/** What the audit page narrows the log to; empty strings mean no filter. */
export interface AuditFilters {
  account: string;
  action: string;
  /** County days, YYYY-MM-DD (as a date input gives them). */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { account: '', action: '', from: '', to: '' };

/** Lines fetched per page: a screenful and a half of the dense table. */
export const AUDIT_PAGE_LINES = 100;

/**
 * The query string of `GET /api/audit` for `filters`, starting before the line `before` (the last
 * id of the page before), e.g. `?limit=100&account=town&action=sign_in`.
 */
export function auditQueryString(filters: AuditFilters, before?: number): string {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_LINES) });
  if (before !== undefined) params.set('before', String(before));
  const account = filters.account.trim();
  if (account) params.set('account', account);
  if (filters.action) params.set('action', filters.action);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return `?${params}`;
}

/** A target as the log writes it ('incident 12') in parts the page can label: kind and id, or the raw text. */
export function parseAuditTarget(target: string): { kind: 'incident' | 'household'; id: number } | { raw: string } {
  const match = /^(incident|household) (\d+)$/.exec(target);
  return match ? { kind: match[1] as 'incident' | 'household', id: Number(match[2]) } : { raw: target };
}
