import { sessionSchema } from '@gridmap/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../auth/demo-accounts.ts';
import { FREE_FAILURES } from '../auth/sign-in-throttle.ts';
import { SESSION_IDLE_MS } from '../auth/sessions.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { createTempDatabase, type TempDatabase } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

const temps: TempDatabase[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.close()));

/** The tiny county with its demo accounts, on a clock the test moves. */
async function setUp() {
  const temp = createTempDatabase();
  temps.push(temp);
  seedCounty(temp.db, tinyCounty());
  await seedDemoAccounts(temp.db, new Date(TINY_NOW));
  const clock = { now: new Date(TINY_NOW) };
  const app = createApp({ db: temp.db, config: { basemapStyleUrl: null, webDist: null, now: () => clock.now } });
  const request = (path: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('Cookie', init.cookie);
    if (init.csrf) headers.set('X-CSRF-Token', init.csrf);
    if (init.body) headers.set('Content-Type', 'application/json');
    return app.request(path, { ...init, headers });
  };
  const signIn = (username: string, password: string) =>
    request('/api/session', { method: 'POST', body: JSON.stringify({ username, password }) });
  return { db: temp.db, clock, request, signIn };
}

const cookieOf = (res: Response) => res.headers.get('Set-Cookie')!.split(';')[0];

describe('/api/session', () => {
  it('signs in with the right password: an httpOnly SameSite cookie, the account and a CSRF token', async () => {
    const t = await setUp();
    const res = await t.signIn('town', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(/^gridmap_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const session = sessionSchema.parse(await res.json());
    expect(session.account).toMatchObject({ username: 'town', role: 'town_command' });
    const me = await t.request('/api/session', { cookie: cookieOf(res) });
    expect(sessionSchema.parse(await me.json()).account.id).toBe(session.account.id);
    // Neither the password nor the token is in the database as such.
    const dump = JSON.stringify(t.db.prepare('SELECT * FROM accounts').all()) + JSON.stringify(t.db.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain(DEMO_PASSWORD);
    expect(dump).not.toContain(cookieOf(res).split('=')[1]);
  });

  it('answers a wrong password and an unknown name alike, with 401', async () => {
    const t = await setUp();
    const wrong = await t.signIn('town', 'guess');
    const unknown = await t.signIn('nobody', 'guess');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(((await wrong.json()) as { message: string }).message).toBe(((await unknown.json()) as { message: string }).message);
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
  });

  it('slows down after repeated failures, even for the right password', async () => {
    const t = await setUp();
    for (let i = 0; i < FREE_FAILURES; i++) expect((await t.signIn('county', 'nope')).status).toBe(401);
    const slowed = await t.signIn('county', DEMO_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('Retry-After'))).toBeGreaterThan(0);
    t.clock.now = new Date(Date.parse(TINY_NOW) + 2_000);
    expect((await t.signIn('county', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a write made with the session cookie but without its CSRF token', async () => {
    const t = await setUp();
    const res = await t.signIn('county', DEMO_PASSWORD);
    const { csrfToken } = sessionSchema.parse(await res.json());
    const body = JSON.stringify({ kind: 'debt', description: '借款', location: { lon: 120.05, lat: 29.05 }, source: 'patrol', severity: 1, actor: 'x' });
    const before = t.db.prepare('SELECT count(*) FROM incidents').pluck().get();
    const forged = await t.request('/api/incidents', { method: 'POST', body, cookie: cookieOf(res) });
    expect(forged.status).toBe(403);
    expect(t.db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(before);
    expect((await t.request('/api/incidents', { method: 'POST', body, cookie: cookieOf(res), csrf: csrfToken })).status).toBe(201);
  });

  it('ends on sign-out and after being left idle', async () => {
    const t = await setUp();
    const a = await t.signIn('official', DEMO_PASSWORD);
    const { csrfToken } = sessionSchema.parse(await a.json());
    const out = await t.request('/api/session', { method: 'DELETE', cookie: cookieOf(a), csrf: csrfToken });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/gridmap_session=;/);
    expect(await (await t.request('/api/session', { cookie: cookieOf(a) })).json()).toBeNull();

    const b = await t.signIn('official', DEMO_PASSWORD);
    t.clock.now = new Date(Date.parse(TINY_NOW) + SESSION_IDLE_MS + 1);
    expect(await (await t.request('/api/session', { cookie: cookieOf(b) })).json()).toBeNull();
  });

  it('writes sign-ins, failures and sign-outs to the audit log', async () => {
    const t = await setUp();
    await t.signIn('planner', 'nope');
    const res = await t.signIn('planner', DEMO_PASSWORD);
    const { csrfToken } = sessionSchema.parse(await res.json());
    await t.request('/api/session', { method: 'DELETE', cookie: cookieOf(res), csrf: csrfToken });
    const actions = t.db.prepare('SELECT username, action FROM audit_log ORDER BY id').all();
    expect(actions).toEqual([
      { username: 'planner', action: 'sign_in_failed' },
      { username: 'planner', action: 'sign_in' },
      { username: 'planner', action: 'sign_out' },
    ]);
  });
});

describe('/api/audit', () => {
  it('shows the administrator the audit log, and nobody else', async () => {
    const t = await setUp();
    await t.signIn('official', 'wrong');
    expect((await t.request('/api/audit')).status).toBe(401);
    const official = await t.signIn('official', DEMO_PASSWORD);
    expect((await t.request('/api/audit', { cookie: cookieOf(official) })).status).toBe(403);
    const admin = await t.signIn('admin', DEMO_PASSWORD);
    const res = await t.request('/api/audit?limit=10', { cookie: cookieOf(admin) });
    expect(res.status).toBe(200);
    const lines = (await res.json()) as { username: string; action: string }[];
    expect(lines.map((l) => [l.username, l.action])).toEqual([
      ['admin', 'sign_in'],
      ['official', 'sign_in'],
      ['official', 'sign_in_failed'],
    ]);
  });
});
