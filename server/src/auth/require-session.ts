import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';

/** The /api paths answered without a session: signing in (and asking whether one is signed in) and the health probe. */
const OPEN_PATHS = new Set(['/api/session', '/api/health']);

/**
 * 401 for every /api request without a live session, except sign-in and health: county data
 * is personal and scoped, so nothing is served to someone unknown, not even the area outlines.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('session') && !OPEN_PATHS.has(c.req.path.replace(/\/+$/, ''))) {
    throw new ApiError('unauthorized', 'sign in first (POST /api/session)');
  }
  await next();
};
