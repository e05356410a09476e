import { createHash, randomBytes } from 'node:crypto';
import type { Account } from '@gridmap/shared';
import { getAccount } from '../db/accounts-sql.ts';
import type { Db } from '../db/open-db.ts';
import { deleteSession, findSession, insertSession, touchSession } from '../db/sessions-sql.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'gridmap_session';
/** A session ends this long after sign-in whatever happens (a long shift), in ms. */
export const SESSION_MAX_MS = 12 * 3_600_000;
/** … or this long after its last request, in ms (a screen left alone). */
export const SESSION_IDLE_MS = 2 * 3_600_000;
/** last_seen_at is written at most this often per session, in ms, so that reads stay reads. */
export const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Opens a session for `accountId`; returns the cookie's token (stored only hashed) and the CSRF token. */
export function openSession(db: Db, accountId: number, now: Date): { token: string; csrfToken: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS).toISOString();
  insertSession(db, hashToken(token), { accountId, csrfToken, createdAt: at, lastSeenAt: at, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token, or null when there is none, it expired, or its account is disabled. */
export function resolveSession(db: Db, token: string, now: Date): { account: Account; csrfToken: string; expiresAt: string } | null {
  const tokenHash = hashToken(token);
  const session = findSession(db, tokenHash);
  if (!session) return null;
  const nowMs = now.getTime();
  if (Date.parse(session.expiresAt) <= nowMs || Date.parse(session.lastSeenAt) + SESSION_IDLE_MS <= nowMs) {
    deleteSession(db, tokenHash);
    return null;
  }
  const account = getAccount(db, session.accountId);
  if (!account) return null;
  if (nowMs - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) touchSession(db, tokenHash, now.toISOString());
  return { account, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

export function closeSession(db: Db, token: string): void {
  deleteSession(db, hashToken(token));
}
