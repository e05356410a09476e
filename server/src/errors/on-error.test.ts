import { errorBodySchema } from '@gridmap/shared';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env.ts';
import { requestId } from '../http/request-id.ts';
import { validate } from '../http/validate.ts';
import { ApiError } from './api-error.ts';
import { onError } from './on-error.ts';

function appThrowing(error: () => never) {
  return new Hono<AppEnv>().use('*', requestId).get('/', () => error()).onError(onError);
}

describe('onError', () => {
  it('answers a ZodError with 400 and the path of its first issue as the field', async () => {
    const app = appThrowing(() => {
      z.object({ page: z.object({ size: z.number() }) }).parse({ page: { size: 'big' } });
      throw new Error('unreachable');
    });
    const res = await app.request('/');
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json())).toMatchObject({ code: 'bad_request', field: 'page.size' });
  });

  it('names the body as the field when the whole body is wrong: not an object, or not JSON at all', async () => {
    const notAnObject = await appThrowing(() => {
      z.object({ a: z.string() }).parse([]);
      throw new Error('unreachable');
    }).request('/');
    expect(await notAnObject.json()).toMatchObject({ code: 'bad_request', field: 'body' });
    const app = new Hono<AppEnv>().use('*', requestId).post('/', validate('json', z.object({ a: z.string() })), (c) => c.json({})).onError(onError);
    const malformed = await app.request('/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'bad_request', field: 'body', message: expect.stringContaining('Malformed JSON') });
  });

  it('answers an ApiError with its own status and code', async () => {
    const res = await appThrowing(() => {
      throw new ApiError('conflict', 'stale version', 'version');
    }).request('/');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'conflict', message: 'stale version', field: 'version' });
  });

  it('answers anything else with 500, logs it, and keeps its message out of the body', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await appThrowing(() => {
      throw new Error('secret database path');
    }).request('/', { headers: { 'X-Request-Id': 'proxy-id-1234' } });
    expect(res.status).toBe(500);
    const body = errorBodySchema.parse(await res.json());
    expect(body).toEqual({ code: 'internal', message: 'internal error', requestId: 'proxy-id-1234' });
    expect(res.headers.get('X-Request-Id')).toBe('proxy-id-1234');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
