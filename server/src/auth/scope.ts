import { can, isReadOnlyRole, type Permission } from '@gridmap/shared';
import type { Context } from 'hono';
import type { Db } from '../db/open-db.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv, RequestSession } from '../http/app-env.ts';

/**
 * The request's session. Every /api route but sign-in and health sits behind requireSession
 * (auth/require-session.ts), so a handler that asks always finds one; the throw guards a route
 * mounted outside it by mistake.
 */
export function sessionOf(c: Context<AppEnv>): RequestSession {
  const session = c.get('session');
  if (!session) throw new ApiError('unauthorized', 'sign in first');
  return session;
}

/**
 * The area a request is restricted to: the signed-in account's area, or null when the account
 * has no area or its area is the root of the tree (it holds everything, so queries skip the
 * subtree filter).
 */
export function scopeAreaId(c: Context<AppEnv>): number | null {
  const session = c.get('session');
  if (!session) throw new ApiError('unauthorized', 'sign in first');
  return session.scopeIsRoot ? null : session.account.areaId;
}

/** Whether `areaId` (any level) lies inside the scope `scope` (null: everything). */
export function inScope(db: Db, scope: number | null, areaId: number): boolean {
  if (scope === null) return true;
  return db.prepare('SELECT 1 FROM area_closure WHERE ancestor_id = ? AND descendant_id = ?').get(scope, areaId) !== undefined;
}

/** Throws 403 naming `field` unless `areaId` lies inside the request's area. */
export function requireInScope(c: Context<AppEnv>, db: Db, areaId: number, field: string): void {
  if (!inScope(db, scopeAreaId(c), areaId)) throw new ApiError('forbidden', `area ${areaId} lies outside your area`, field);
}

/**
 * The area a query is narrowed to: the one it asked for (403 when that lies outside the
 * account's area), else the account's area (null: everything).
 */
export function scopedAreaFilter(c: Context<AppEnv>, db: Db, field: string, asked: number | undefined): number | null {
  if (asked === undefined) return scopeAreaId(c);
  requireInScope(c, db, asked, field);
  return asked;
}

/** Throws 403 when the signed-in role lacks `permission`. */
export function requirePermission(c: Context<AppEnv>, permission: Permission): void {
  const { account } = sessionOf(c);
  if (!can(account.role, permission)) {
    throw new ApiError('forbidden', `the ${account.role} role may not ${permission.replace('_', ' ')}`);
  }
}

/** Whether the request may see personal data (names, phones, key-group tags) of something in `areaId`. */
export function seesPersonal(c: Context<AppEnv>, db: Db, areaId: number): boolean {
  const session = c.get('session');
  return session != null && can(session.account.role, 'see_personal') && inScope(db, scopeAreaId(c), areaId);
}

/** Whether aggregates for this request must hide small counts (read-only roles; see privacy/small-counts.ts). */
export function suppressesSmallCounts(c: Context<AppEnv>): boolean {
  const session = c.get('session');
  return session == null || isReadOnlyRole(session.account.role);
}
