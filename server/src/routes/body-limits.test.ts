import { errorBodySchema } from '@gridmap/shared';
import { MAX_AREA_VERTICES, MAX_GRID_VERTICES, MAX_PLAN_VERTICES } from '@gridmap/shared/geo/vertex-limits';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BODY_BYTES, MAX_SMALL_BODY_BYTES } from '../http/body-limit.ts';
import { postImport } from '../test/import-requests.ts';
import { useTinyCountyApp, type TestApp } from '../test/test-app.ts';
import { MAX_INCIDENT_BODY_BYTES } from './incidents.ts';
import { MAX_PLAN_BODY_BYTES } from './plans.ts';

// Issue 9: every route that takes a body has a size limit (413), and every geometry that comes
// in a vertex limit (400 naming the field). Imports' upload limit is tested in imports.test.ts.

/** Every route with a JSON body, and its limit in bytes. */
const LIMITED: [method: string, path: string, limit: number][] = [
  ['POST', '/api/session', MAX_SMALL_BODY_BYTES],
  ['DELETE', '/api/session', MAX_SMALL_BODY_BYTES],
  ['POST', '/api/incidents', MAX_INCIDENT_BODY_BYTES],
  ['POST', '/api/incidents/1/transitions', MAX_INCIDENT_BODY_BYTES],
  ['POST', '/api/mediation-points', MAX_RECORD_BODY_BYTES],
  ['PATCH', '/api/mediation-points/1', MAX_RECORD_BODY_BYTES],
  ['POST', '/api/plans', MAX_PLAN_BODY_BYTES],
  ['POST', '/api/plans/preview', MAX_PLAN_BODY_BYTES],
  ['POST', '/api/plans/restore', MAX_SMALL_BODY_BYTES],
  ['POST', '/api/plans/1/apply', MAX_SMALL_BODY_BYTES],
  ['PUT', '/api/areas/4/staff', MAX_SMALL_BODY_BYTES],
  ['PUT', '/api/imports/mappings/big', MAX_RECORD_BODY_BYTES],
];

/** A JSON object of exactly `bytes` bytes. */
const jsonOfSize = (bytes: number) => `{"x":"${'a'.repeat(bytes - 8)}"}`;

/** Everything a write could touch, to show that a refused one touched nothing. */
function snapshot(t: TestApp) {
  const tables = ['incidents', 'incident_events', 'mediation_points', 'areas', 'staff', 'plans', 'sessions', 'import_mappings'];
  return Object.fromEntries(tables.map((name) => [name, t.db.prepare(`SELECT * FROM ${name}`).all()]));
}

const ring = (n: number, x = 120.05, y = 29.05) => {
  const r = Array.from({ length: n - 1 }, (_, i) => [x + 0.01 * Math.cos((2 * Math.PI * i) / (n - 1)), y + 0.01 * Math.sin((2 * Math.PI * i) / (n - 1))]);
  return [...r, r[0]];
};

describe('body size limits', () => {
  const t = useTinyCountyApp();

  it.each(LIMITED)('%s %s answers 413 with the error body to a body one byte over its limit, and writes nothing', async (method, path, limit) => {
    const before = snapshot(t.current);
    const res = await t.current.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: jsonOfSize(limit + 1) });
    expect(res.status).toBe(413);
    expect(errorBodySchema.parse(await res.json())).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining(String(limit)) });
    expect(snapshot(t.current)).toEqual(before);
  });

  it('refuses from the Content-Length alone, before reading the body', async () => {
    const res = await t.current.app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(100 * 1024 * 1024) },
      body: '{}',
    });
    expect(res.status).toBe(413);
  });

  it('lets a body at the limit through to validation (400 naming the field, not 413)', async () => {
    const res = await t.current.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: jsonOfSize(MAX_SMALL_BODY_BYTES) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'bad_request', field: expect.any(String) });
  });
});

describe('geometry vertex limits', () => {
  const t = useTinyCountyApp();
  const send = async (path: string, body: unknown) => {
    const res = await t.current.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const grid = (id: number, vertices: number) => ({ id, geometry: { type: 'Polygon', coordinates: [ring(vertices)] } });

  it(`refuses a plan grid of more than ${MAX_GRID_VERTICES} vertices, naming the grid's geometry`, async () => {
    for (const path of ['/api/plans/preview', '/api/plans']) {
      const before = snapshot(t.current);
      const { status, body } = await send(path, { communityId: 3, author: '规划员', reason: '测试', base: [], grids: [grid(-1, 10), grid(-2, MAX_GRID_VERTICES + 1)] });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'bad_request', field: 'grids.1.geometry', message: expect.stringContaining(`${MAX_GRID_VERTICES + 1} vertices`) });
      expect(snapshot(t.current)).toEqual(before);
    }
  });

  it(`refuses a plan whose grids have more than ${MAX_PLAN_VERTICES} vertices together, naming the grids`, async () => {
    const grids = Array.from({ length: Math.ceil((MAX_PLAN_VERTICES + 1) / MAX_GRID_VERTICES) }, (_, i) => grid(-1 - i, MAX_GRID_VERTICES));
    const { status, body } = await send('/api/plans/preview', { communityId: 3, grids });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'bad_request', field: 'grids', message: expect.stringContaining('vertices together') });
  });

  it(`accepts a plan grid of ${MAX_GRID_VERTICES} vertices as far as its shape (the preview reports the partition's problems)`, async () => {
    const { status } = await send('/api/plans/preview', { communityId: 3, grids: [grid(-1, MAX_GRID_VERTICES)] });
    expect(status).toBe(200);
  });

  it(`rejects an imported boundary of more than ${MAX_AREA_VERTICES} vertices, naming its geometry, and the import writes nothing`, async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring(MAX_AREA_VERTICES + 1)] }, properties: { 网格编码: '330681001001009', 网格名称: '大网格', 社区编码: '330681001001' } }],
    });
    const mapping = { layer: 'areas', level: 'grid', fields: { code: '网格编码', name: '网格名称', parentCode: '社区编码' } } as const;
    const dry = await postImport(t.current.app, 'dry-run', { name: 'big.geojson', bytes: file }, { mapping });
    expect(dry.status).toBe(200);
    expect(dry.body.rows[0]).toMatchObject({ action: 'reject', problems: [{ code: 'invalid_geometry', field: 'geometry', message: expect.stringContaining(`${MAX_AREA_VERTICES + 1} vertices`) }] });
    const before = snapshot(t.current);
    const applied = await postImport(t.current.app, 'apply', { name: 'big.geojson', bytes: file }, { mapping });
    expect(applied.status).toBe(409);
    expect(snapshot(t.current)).toEqual(before);
  });
});
