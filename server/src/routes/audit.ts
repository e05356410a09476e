import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { requirePermission } from '../auth/scope.ts';
import { listAudit } from '../db/audit-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { limitParam, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

/** Lines `GET /api/audit` sends unless `limit` says otherwise. */
export const DEFAULT_AUDIT_LINES = 200;

/**
 * `GET /api/audit`: the newest lines of the audit log (who, what, when, from where), for the
 * administrator only: it needs a session, unlike the routes that still answer without one.
 */
export function auditRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', validate('query', queryObject({ limit: limitParam.optional() })), (c) => {
    if (!c.get('session')) throw new ApiError('unauthorized', 'the audit log needs a signed-in administrator');
    requirePermission(c, 'audit');
    return c.json(listAudit(db, c.req.valid('query').limit ?? DEFAULT_AUDIT_LINES));
  });
}
