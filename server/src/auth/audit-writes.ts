import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app.ts';
import { recordAudit } from '../db/audit-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { clientAddress } from './session-context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write made with a session goes to the audit log once it is answered: who, the method and
 * path (what), the status (whether it took), when and from where. Refused writes are logged too —
 * a run of 403s is what an administrator looks for. Sign-in and sign-out log themselves with
 * their own actions (routes/session.ts).
 */
export function auditWrites({ db, config }: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const session = c.get('session');
    if (!session || SAFE_METHODS.has(c.req.method) || c.req.path.startsWith('/api/session')) return;
    const { account } = session;
    recordAudit(
      db,
      { accountId: account.id, username: account.username, action: 'write', target: `${c.req.method} ${c.req.path}`, detail: `status ${c.res.status}`, ip: clientAddress(c) },
      config.now(),
    );
  };
}
