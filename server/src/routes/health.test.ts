import { clientConfigSchema, healthSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { getJson, openTestSession, signedIn, useTempDatabases, useTinyCountyApp } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

describe('GET /api/health', () => {
  const t = useTinyCountyApp();
  const temps = useTempDatabases();

  it('counts the rows of every table and names the county', async () => {
    const { status, body } = await getJson(t.current.app, '/api/health');
    expect(status).toBe(200);
    expect(healthSchema.parse(body)).toEqual({
      ok: true,
      serverTime: TINY_NOW,
      demo: true,
      county: { name: '小县', code: '330681000000' },
      counts: { areas: 7, households: 12, staff: 9, mediationPoints: 3, incidents: 8 },
    });
  });

  it("tells the time by the app's clock, so that clients count deadlines as the server does", async () => {
    let now = new Date('2025-06-01T08:00:00+08:00');
    const app = createApp({ db: temps.create().db, config: { basemapStyleUrl: null, webDist: null, now: () => now } });
    expect(healthSchema.parse((await getJson(app, '/api/health')).body).serverTime).toBe('2025-06-01T00:00:00.000Z');
    now = new Date('2025-06-02T00:00:00Z');
    expect(healthSchema.parse((await getJson(app, '/api/health')).body).serverTime).toBe('2025-06-02T00:00:00.000Z');
  });

  it('sends an X-Request-Id with every response', async () => {
    const res = await t.current.app.request('/api/health');
    expect(res.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,}$/);
  });
});

describe('GET /api/config', () => {
  const t = useTinyCountyApp();
  const temps = useTempDatabases();

  it('says that no base map style is configured', async () => {
    const { status, body } = await getJson(t.current.app, '/api/config');
    expect(status).toBe(200);
    expect(clientConfigSchema.parse(body)).toEqual({ basemapStyleUrl: null });
  });

  it('passes on the base map style the deployment configures', async () => {
    const basemapStyleUrl = 'https://tiles.example.org/styles/zhejiang.json';
    const { db } = temps.create();
    seedCounty(db, tinyCounty());
    const app = signedIn(createApp({ db, config: { basemapStyleUrl, webDist: null, now: () => new Date() } }), openTestSession(db, 'official', new Date()));
    expect(clientConfigSchema.parse((await getJson(app, '/api/config')).body)).toEqual({ basemapStyleUrl });
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
