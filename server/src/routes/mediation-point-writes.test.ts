import { errorBodySchema, mediationPointFeatureSchema, nearestMediationCollectionSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';

const NEW_POINT = {
  kind: 'specialised',
  areaId: 2,
  name: '小镇劳动争议调解室',
  lon: 120.03,
  lat: 29.03,
  address: '镇前街9号',
  hours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
  disputeKinds: ['labour'],
  mediators: 2,
  phone: '0575-87000009',
};

function send(app: TestApp['app'], method: string, path: string, body: unknown) {
  return app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function nearestIds(app: TestApp['app'], query: string): Promise<number[]> {
  const body = nearestMediationCollectionSchema.parse((await getJson(app, `/api/mediation-points/nearest?${query}`)).body);
  return body.features.map((f) => f.id);
}

/** Every row of mediation_points as stored, to show that a refused write changed nothing. */
const snapshot = (t: TestApp) => JSON.stringify(t.db.prepare('SELECT * FROM mediation_points ORDER BY id').all());

describe('POST /api/mediation-points', () => {
  const t = useTinyCountyApp();

  it('adds a point at the level of its area, and the nearest search finds it at once', async () => {
    expect(await nearestIds(t.current.app, 'lon=120.02&lat=29.02&disputeKind=labour')).toEqual([1]);
    const res = await send(t.current.app, 'POST', '/api/mediation-points', NEW_POINT);
    expect(res.status).toBe(201);
    const created = mediationPointFeatureSchema.parse(await res.json());
    expect(created.id).toBe(4);
    expect(res.headers.get('Location')).toBe('/api/mediation-points/4');
    expect(created.properties).toMatchObject({ level: 'town', disputeKinds: ['labour'], closedAt: null });
    expect(await nearestIds(t.current.app, 'lon=120.02&lat=29.02&disputeKind=labour')).toEqual([4, 1]);
  });

  it('checks a point against the county of its own area, where a database holds several (a province)', async () => {
    const outline = JSON.stringify({ type: 'Polygon', coordinates: [[[121, 29], [121.2, 29], [121.2, 29.2], [121, 29.2], [121, 29]]] });
    t.current.db.prepare(`INSERT INTO areas (id, code, name, level, parent_id, geometry, label_lon, label_lat, min_lon, min_lat, max_lon, max_lat)
      VALUES (100, '330682000000', '邻县', 'county', NULL, ?, 121.1, 29.1, 121, 29, 121.2, 29.2)`).run(outline);
    t.current.db.prepare('INSERT INTO area_closure (ancestor_id, descendant_id, depth) VALUES (100, 100, 0)').run();
    const there = { ...NEW_POINT, areaId: 100, lon: 121.05, lat: 29.05 };
    expect((await send(t.current.app, 'POST', '/api/mediation-points', there)).status).toBe(201);
    const wrongCounty = await send(t.current.app, 'POST', '/api/mediation-points', { ...there, areaId: 2 });
    expect(wrongCounty.status).toBe(400);
    expect(errorBodySchema.parse(await wrongCounty.json())).toMatchObject({ field: 'lon' });
  });

  it.each([
    [{ lon: 121.5 }, 'lon', 'outside the county'],
    [{ lat: 95 }, 'lat', ''],
    [{ areaId: 99 }, 'areaId', 'no area'],
    [{ disputeKinds: ['labour', 'fight'] }, 'disputeKinds.1', ''],
    [{ disputeKinds: [] }, 'disputeKinds', ''],
    [{ kind: 'temple' }, 'kind', ''],
    [{ hours: [{ days: [1], open: '18:00', close: '09:00' }] }, 'hours.0.close', 'open before it closes'],
    [{ hours: [{ days: [1, 1], open: '08:00', close: '09:00' }] }, 'hours.0.days', 'twice'],
    [{ hours: [{ days: [8], open: '08:00', close: '09:00' }] }, 'hours.0.days.0', ''],
    [{ hours: [{ days: [1], open: '8:00', close: '09:00' }] }, 'hours.0.open', ''],
    [{ mediators: -1 }, 'mediators', ''],
    [{ owner: 'me' }, 'owner', ''],
  ])('refuses %j with 400 naming %s, and writes nothing', async (change, field, message) => {
    const before = snapshot(t.current);
    const res = await send(t.current.app, 'POST', '/api/mediation-points', { ...NEW_POINT, ...change });
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(await res.json());
    expect(body).toMatchObject({ code: 'bad_request', field });
    expect(body.message).toContain(message);
    expect(snapshot(t.current)).toBe(before);
  });

  it('refuses a body that is not JSON with 400 and the error body', async () => {
    const res = await t.current.app.request('/api/mediation-points', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":' });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).code).toBe('bad_request');
  });
});

describe('PATCH /api/mediation-points/:id', () => {
  const t = useTinyCountyApp();

  it('moves a point, and the nearest order follows', async () => {
    expect(await nearestIds(t.current.app, 'lon=120.16&lat=29.18&k=1')).toEqual([3]);
    const res = await send(t.current.app, 'PATCH', '/api/mediation-points/2', { lon: 120.161, lat: 29.181 });
    expect(res.status).toBe(200);
    expect(mediationPointFeatureSchema.parse(await res.json()).geometry.coordinates).toEqual([120.161, 29.181]);
    expect(await nearestIds(t.current.app, 'lon=120.16&lat=29.18&k=1')).toEqual([2]);
  });

  it('closes a point: it leaves the list and the nearest search, and stays readable by id; reopening brings it back', async () => {
    const closed = mediationPointFeatureSchema.parse(await (await send(t.current.app, 'PATCH', '/api/mediation-points/2', { closed: true })).json());
    expect(closed.properties.closedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(await nearestIds(t.current.app, 'lon=120.04&lat=29.04&k=3')).toEqual([1, 3]);
    const list = (await getJson(t.current.app, '/api/mediation-points')).body;
    expect(list.features.map((f: { id: number }) => f.id)).toEqual([1, 3]);
    expect((await getJson(t.current.app, '/api/mediation-points/2')).body.properties.closedAt).toBe('2025-06-01T00:00:00.000Z');
    await send(t.current.app, 'PATCH', '/api/mediation-points/2', { closed: false });
    expect(await nearestIds(t.current.app, 'lon=120.04&lat=29.04&k=3')).toEqual([2, 1, 3]);
  });

  it('changes the kinds a point takes, and the kind filter follows', async () => {
    await send(t.current.app, 'PATCH', '/api/mediation-points/2', { disputeKinds: ['labour'] });
    expect(await nearestIds(t.current.app, 'lon=120.04&lat=29.04&disputeKind=labour')).toEqual([2, 1]);
    expect(await nearestIds(t.current.app, 'lon=120.04&lat=29.04&disputeKind=land')).toEqual([1]);
  });

  it.each([
    [{}, '', 'nothing to change'],
    [{ lon: 130 }, 'lon', 'outside the county'],
    [{ areaId: 42 }, 'areaId', 'no area'],
    [{ closed: 'yes' }, 'closed', ''],
    [{ hours: [{ days: [1], open: '10:00', close: '10:00' }] }, 'hours.0.close', ''],
  ])('refuses %j with 400, writes nothing, and leaves the index as it was', async (patch, field, message) => {
    const before = snapshot(t.current);
    const res = await send(t.current.app, 'PATCH', '/api/mediation-points/2', patch);
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(await res.json());
    if (field) expect(body.field).toBe(field);
    expect(body.message).toContain(message);
    expect(snapshot(t.current)).toBe(before);
    expect(await nearestIds(t.current.app, 'lon=120.04&lat=29.04&k=1')).toEqual([2]);
  });

  it('answers 404 for an unknown point', async () => {
    const res = await send(t.current.app, 'PATCH', '/api/mediation-points/77', { name: '新名字' });
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json())).toMatchObject({ code: 'not_found', field: 'id' });
  });
});

describe('the nearest index', () => {
  const t = useTinyCountyApp();

  it('follows points written by other paths too (an import, another connection)', async () => {
    expect(await nearestIds(t.current.app, 'lon=120.02&lat=29.02&disputeKind=medical')).toEqual([]);
    t.current.db
      .prepare(`INSERT INTO mediation_points (kind, level, area_id, name, lon, lat, address, hours, dispute_kinds, mediators, phone)
        VALUES ('specialised', 'county', 1, '医调委', 120.03, 29.03, '医院路1号', '[]', '["medical"]', 2, '0575-1')`)
      .run();
    expect(await nearestIds(t.current.app, 'lon=120.02&lat=29.02&disputeKind=medical')).toEqual([4]);
    t.current.db.prepare("UPDATE mediation_points SET closed_at = '2025-06-01T00:00:00.000Z' WHERE id = 4").run();
    expect(await nearestIds(t.current.app, 'lon=120.02&lat=29.02&disputeKind=medical')).toEqual([]);
  });
});
