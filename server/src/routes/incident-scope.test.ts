import { incidentCountersSchema, sessionSchema, type AccountRole } from '@gridmap/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import { insertAccount } from '../db/accounts-sql.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { createTempDatabase, type TempDatabase } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

// The tiny county: county 1, town 2, community 3, grids 4 (south-west) … 7. Incidents 1, 2 lie
// in grid 4, 3 and 4 in grid 5.

const temps: TempDatabase[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.close()));

const PASSWORD = 'scope-test';

async function setUp() {
  const temp = createTempDatabase();
  temps.push(temp);
  seedCounty(temp.db, tinyCounty());
  const hash = await hashPassword(PASSWORD);
  const accounts: [string, AccountRole, number][] = [
    ['county', 'county_command', 1],
    ['gridsw', 'grid_worker', 4],
    ['official', 'official', 1],
  ];
  for (const [username, role, areaId] of accounts) {
    insertAccount(temp.db, { username, displayName: username, role, areaId, passwordHash: hash }, new Date(TINY_NOW));
  }
  const app = createApp({ db: temp.db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(TINY_NOW) } });
  /** A client signed in as `username`: its requests carry the cookie and the CSRF token. */
  const cookieOf = async (username: string) => {
    const res = await app.request('/api/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }),
    });
    return res.headers.get('Set-Cookie')!.split(';')[0];
  };
  const as = async (username: string) => {
    const res = await app.request('/api/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }),
    });
    const cookie = res.headers.get('Set-Cookie')!.split(';')[0];
    const { csrfToken } = sessionSchema.parse(await res.json());
    return async (path: string, body?: unknown) => {
      const r = await app.request(path, body === undefined ? { headers: { Cookie: cookie } } : {
        method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
  };
  return { db: temp.db, app, as, cookieOf };
}

const intake = (lon: number, lat: number) => ({
  kind: 'neighbour', description: '纠纷', location: { lon, lat }, source: 'patrol', severity: 1, actor: 'x',
  parties: [{ name: '张小明', role: 'applicant', phone: '13812341234' }],
});

describe('incidents within an account\'s area', () => {
  it('shows a grid worker the cases of the grid, and no other grid\'s, not even that they exist', async () => {
    const t = await setUp();
    const grid = await t.as('gridsw');
    expect((await grid('/api/incidents/1')).status).toBe(200);
    const other = await grid('/api/incidents/3');
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('No incident with id 3');
    expect((await grid('/api/incidents/3/transitions', { transition: 'accept', actor: 'x', expectedVersion: 1 })).status).toBe(404);
  });

  it('counts only the area\'s cases', async () => {
    const t = await setUp();
    const all = incidentCountersSchema.parse((await (await t.as('county'))('/api/incidents/counters')).body);
    const grid = incidentCountersSchema.parse((await (await t.as('gridsw'))('/api/incidents/counters')).body);
    // Open: 1 (reported) and 2 (mediating, overdue) in grid 4; 4 (failed, overdue) and 6 elsewhere.
    expect([all.open, all.overdue]).toEqual([4, 2]);
    expect([grid.open, grid.overdue]).toEqual([2, 1]);
  });

  it('takes a report only inside the area, and writes nothing otherwise', async () => {
    const t = await setUp();
    const grid = await t.as('gridsw');
    const count = () => t.db.prepare('SELECT count(*) FROM incidents').pluck().get();
    const before = count();
    const outside = await grid('/api/incidents', intake(120.15, 29.05));
    expect(outside.status).toBe(403);
    expect(outside.body.field).toBe('location');
    expect(count()).toBe(before);
    expect((await grid('/api/incidents', intake(120.05, 29.05))).status).toBe(201);
  });

  it('lets a read-only official report and handle nothing, and shows parties masked', async () => {
    const t = await setUp();
    const county = await t.as('county');
    const { body: created } = await county('/api/incidents', intake(120.05, 29.05));
    const official = await t.as('official');
    expect((await official('/api/incidents', intake(120.05, 29.05))).status).toBe(403);
    expect((await official(`/api/incidents/${created.id}/transitions`, { transition: 'accept', actor: 'x', expectedVersion: 1 })).status).toBe(403);
    expect((await official(`/api/incidents/${created.id}`)).body.properties.parties).toEqual([{ name: '张**', role: 'applicant', phone: '138****1234' }]);
    // The county command sees them in full, and that view is audited.
    expect((await county(`/api/incidents/${created.id}`)).body.properties.parties).toEqual([{ name: '张小明', role: 'applicant', phone: '13812341234' }]);
    expect(t.db.prepare("SELECT username, target FROM audit_log WHERE action = 'view_personal'").all()).toEqual([
      { username: 'county', target: `incident ${created.id}` },
    ]);
  });
});

describe('the live stream within an account\'s area', () => {
  it('carries to a grid worker the changes of the grid only, and lists only those as recent', async () => {
    const t = await setUp();
    const county = await t.as('county');
    const res = await t.app.request('/api/live', { headers: { Cookie: await t.cookieOf('gridsw') } });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value, { stream: true });
    };
    await readUntil('event: hello');
    const outside = (await county('/api/incidents', intake(120.15, 29.05))).body.id;
    const inside = (await county('/api/incidents', intake(120.05, 29.05))).body.id;
    await readUntil(`"incidentId":${inside}`);
    await reader.cancel();
    expect(text).not.toContain(`"incidentId":${outside}`);

    const recent = (await (await t.as('gridsw'))('/api/live/recent?limit=50')).body as { incident: { properties: { gridId: number } } }[];
    expect(recent.length).toBeGreaterThan(0);
    expect(new Set(recent.map((m) => m.incident.properties.gridId))).toEqual(new Set([4]));
  });
});

describe('mediation points by role', () => {
  it('lets the county command centre add and close points, and a read-only official neither', async () => {
    const t = await setUp();
    const point = {
      kind: 'specialised', areaId: 2, name: '小镇劳动争议调解室', lon: 120.03, lat: 29.03, address: '镇前街9号',
      hours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }], disputeKinds: ['labour'], mediators: 2, phone: '0575-87000009',
    };
    const rows = () => t.db.prepare('SELECT count(*) FROM mediation_points').pluck().get() as number;
    const before = rows();
    const official = await t.as('official');
    expect((await official('/api/mediation-points', point)).status).toBe(403);
    expect(rows()).toBe(before);
    const county = await t.as('county');
    expect((await county('/api/mediation-points', point)).status).toBe(201);
    expect(rows()).toBe(before + 1);
  });
});
