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

/** The newest `limit` lines of the audit log, newest first. */
export function listAudit(db: Db, limit: number) {
  return db
    .prepare('SELECT id, at, account_id AS accountId, username, action, target, detail, ip FROM audit_log ORDER BY id DESC LIMIT ?')
    .all(limit);
}
