import type { Db } from './open-db.ts';

export interface StoredSession {
  accountId: number;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
}

export function insertSession(db: Db, tokenHash: string, session: StoredSession & { createdAt: string }): void {
  db.prepare('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(tokenHash, session.accountId, session.csrfToken, session.createdAt, session.lastSeenAt, session.expiresAt);
}

export function findSession(db: Db, tokenHash: string): StoredSession | null {
  return (db
    .prepare('SELECT account_id AS accountId, csrf_token AS csrfToken, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?')
    .get(tokenHash) as StoredSession | undefined) ?? null;
}

export function touchSession(db: Db, tokenHash: string, at: string): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(at, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** Deletes sessions past their absolute end; returns how many. */
export function deleteExpiredSessions(db: Db, now: string): number {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
