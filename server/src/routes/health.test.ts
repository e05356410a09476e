import { healthSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';

describe('GET /api/health', () => {
  const t = useTinyCountyApp();

  it('counts the rows of every table and names the county', async () => {
    const { status, body } = await getJson(t.current.app, '/api/health');
    expect(status).toBe(200);
    expect(healthSchema.parse(body)).toEqual({
      ok: true,
      demo: true,
      county: { name: '小县', code: '330681000000' },
      counts: { areas: 7, households: 12, staff: 9, mediationPoints: 3, incidents: 8 },
    });
  });

  it('sends an X-Request-Id with every response', async () => {
    const res = await t.current.app.request('/api/health');
    expect(res.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,}$/);
  });
});

describe('GET /api/config', () => {
  const t = useTinyCountyApp();

  it('says that no base map style is configured', async () => {
    const { body } = await getJson(t.current.app, '/api/config');
    expect(body).toEqual({ basemapStyleUrl: null });
  });
});

describe('unknown API routes', () => {
  const t = useTinyCountyApp();

  it('answers 404 with the JSON error body and the request id', async () => {
    const { status, body, headers } = await getJson(t.current.app, '/api/no-such-thing');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 'not_found', requestId: headers.get('X-Request-Id') });
  });
});
