import { MAX_USERNAME_CHARS } from '@gridmap/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { requirePermission } from '../auth/scope.ts';
import { listAudit, listAuditActions } from '../db/audit-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { idParam, isoDateParam, limitParam, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

/** Lines `GET /api/audit` sends unless `limit` says otherwise. */
export const DEFAULT_AUDIT_LINES = 200;

const auditQuery = queryObject({
  limit: limitParam.optional(),
  /** The id of the last line of the page before: the next page is older. */
  before: idParam.optional(),
  account: z.string().trim().min(1).max(MAX_USERNAME_CHARS).optional(),
  // Actions are codes: lower-case words joined by '_' ('view_personal').
  action: z.string().regex(/^[a-z][a-z_]{0,39}$/, "an action is a code such as 'sign_in'").optional(),
  /** A county day or an instant: from its start, to its end. */
  from: isoDateParam('from').optional(),
  to: isoDateParam('to').optional(),
}).superRefine(({ from, to }, ctx) => {
  if (from && to && from.start > to.start) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
});

/** 401 without a session (for now the only route that needs one), 403 for a role other than the administrator. */
function requireAuditor(c: Context<AppEnv>): void {
  if (!c.get('session')) throw new ApiError('unauthorized', 'the audit log needs a signed-in administrator');
  requirePermission(c, 'audit');
}

/**
 * `GET /api/audit`: lines of the audit log (who, what, when, from where), newest first, narrowed
 * by account, action and period and paged by `before`; `GET /api/audit/actions` lists the
 * actions it holds. For the administrator only.
 */
export function auditRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', auditQuery), (c) => {
      requireAuditor(c);
      const q = c.req.valid('query');
      const filter = {
        before: q.before,
        username: q.account,
        action: q.action,
        from: q.from && new Date(q.from.start).toISOString(),
        to: q.to && new Date(q.to.end === q.to.start ? q.to.end + 1 : q.to.end).toISOString(),
      };
      return c.json(listAudit(db, filter, q.limit ?? DEFAULT_AUDIT_LINES));
    })
    .get('/actions', validate('query', queryObject({})), (c) => {
      requireAuditor(c);
      return c.json(listAuditActions(db));
    });
}
