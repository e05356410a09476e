import type { Db } from './open-db.ts';

export interface AuditEntry {
  accountId: number | null;
  username: string;
  action: string;
  target?: string;
  detail?: string;
  ip?: string;
}

/** Appends one line to the audit log (who, what, when, from where). */
export function recordAudit(db: Db, entry: AuditEntry, at: Date): void {
  db.prepare('INSERT INTO audit_log (at, account_id, username, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(at.toISOString(), entry.accountId, entry.username, entry.action, entry.target ?? '', entry.detail ?? '', entry.ip ?? '');
}

/** What the audit page narrows the log to; every part optional. */
export interface AuditFilter {
  /** Lines older than this id: the next page after a page that ended with it. */
  before?: number;
  /** The account's username, any case. */
  username?: string;
  action?: string;
  /** ISO instants: lines at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

/** The newest `limit` lines of the audit log that match `filter`, newest first. */
export function listAudit(db: Db, filter: AuditFilter, limit: number): AuditRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.before !== undefined) where.push('id < ?'), params.push(filter.before);
  if (filter.username !== undefined) where.push('username = ? COLLATE NOCASE'), params.push(filter.username);
  if (filter.action !== undefined) where.push('action = ?'), params.push(filter.action);
  if (filter.from !== undefined) where.push('at >= ?'), params.push(filter.from);
  if (filter.to !== undefined) where.push('at < ?'), params.push(filter.to);
  return db
    .prepare(`SELECT id, at, account_id AS accountId, username, action, target, detail, ip FROM audit_log
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...params, limit) as AuditRow[];
}

export interface AuditRow {
  id: number;
  at: string;
  accountId: number | null;
  username: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

/** The actions the log holds, in name order (the page's filter offers them). */
export function listAuditActions(db: Db): string[] {
  return db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[];
}
