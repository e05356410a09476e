import { can, type Permission } from '@gridmap/shared';
import type { Context } from 'hono';
import type { Db } from '../db/open-db.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';

/**
 * The area a request may see: the signed-in account's, or null for the whole database (no
 * session; every route will require one once issue 9 is done, and null will be gone).
 */
export function scopeAreaId(c: Context<AppEnv>): number | null {
  return c.get('session')?.account.areaId ?? null;
}

/** Whether `areaId` (any level) lies inside the scope `scope` (null: everything). */
export function inScope(db: Db, scope: number | null, areaId: number): boolean {
  if (scope === null) return true;
  return db.prepare('SELECT 1 FROM area_closure WHERE ancestor_id = ? AND descendant_id = ?').get(scope, areaId) !== undefined;
}

/** Throws 403 when the signed-in role lacks `permission` (a request without a session passes, for now). */
export function requirePermission(c: Context<AppEnv>, permission: Permission): void {
  const session = c.get('session');
  if (session && !can(session.account.role, permission)) {
    throw new ApiError('forbidden', `the ${session.account.role} role may not ${permission.replace('_', ' ')}`);
  }
}

/** Whether the request may see personal data (names, phones, key-group tags) of something in `areaId`. */
export function seesPersonal(c: Context<AppEnv>, db: Db, areaId: number): boolean {
  const session = c.get('session');
  return session !== null && can(session.account.role, 'see_personal') && inScope(db, session.account.areaId, areaId);
}
