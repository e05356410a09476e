import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.ts';

/** A caller's X-Request-Id is kept when it looks like one (so a proxy's id carries through). */
const REQUEST_ID_PATTERN = /^[\w.-]{8,64}$/;

/** Gives every request an id, stored on the context and sent back as X-Request-Id. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('X-Request-Id');
  const id = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  c.set('requestId', id);
  await next();
  c.res.headers.set('X-Request-Id', id);
});
