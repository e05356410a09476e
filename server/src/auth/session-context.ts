import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../app.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv, RequestSession } from '../http/app-env.ts';
import { isRootArea } from '../db/areas-sql.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

/** The header a signed-in client echoes its session's CSRF token in on every write. */
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Puts the request's session (or null) on the context. A write made with a session must carry
 * the session's CSRF token in X-CSRF-Token: the cookie is SameSite=Strict already, and the token
 * also stops a same-site page (another app on the host) from writing in the user's name.
 */
export function sessionContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = requestSession(deps, c);
    c.set('session', session);
    if (session && !SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
      throw new ApiError('forbidden', `a write needs the session's CSRF token in the ${CSRF_HEADER} header`);
    }
    await next();
  };
}

/** The live session of the request's cookie, or null (no cookie, unknown, expired, account disabled). */
export function requestSession(deps: Pick<AppDeps, 'db' | 'config'>, c: Context): RequestSession | null {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? sessionOfToken(deps, token) : null;
}

/** The live session of a cookie token, or null (unknown, expired, account disabled). */
export function sessionOfToken({ db, config }: Pick<AppDeps, 'db' | 'config'>, token: string): RequestSession | null {
  const session = resolveSession(db, token, config.now());
  return session && { ...session, token, scopeIsRoot: session.account.areaId === null || isRootArea(db, session.account.areaId) };
}

/** The client's address as the socket saw it ('' inside tests that call app.request()). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
}
