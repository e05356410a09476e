import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@gridmap/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from './api-error.ts';

/**
 * The one error path: bad input (a ZodError) is 400 naming the field, an ApiError its own
 * status, anything else 500 after logging. The body is always `{ code, message, field?, requestId }`.
 */
export function onError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  let body: ErrorBody;
  if (err instanceof z.core.$ZodError) {
    const issue = err.issues[0];
    // An unknown key sits on the object's path; the key itself is the field to name.
    const path = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : (issue?.path ?? []);
    // An issue at the root is the body's: a query or path is always an object, a body may be anything.
    const field = path.map(String).join('.') || 'body';
    body = { code: 'bad_request', message: issue?.message ?? 'invalid input', field, requestId };
  } else if (err instanceof ApiError) {
    body = { code: err.code, message: err.message, field: err.field, requestId };
  } else if (err instanceof HTTPException) {
    // A bare 400 comes from Hono reading the body (malformed JSON or form data): the body is the field.
    const field = err.status === 400 ? 'body' : undefined;
    body = { code: codeForStatus(err.status), message: err.message || 'request failed', field, requestId };
  } else {
    console.error(`[${requestId}] ${c.req.method} ${c.req.path} failed:`, err);
    body = { code: 'internal', message: 'internal error', requestId };
  }
  if (body.field === undefined) delete body.field;
  c.header('X-Request-Id', requestId);
  return c.json(body, ERROR_STATUS[body.code] as ContentfulStatusCode);
}

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (match) return match[0];
  return status >= 400 && status < 500 ? 'bad_request' : 'internal';
}
