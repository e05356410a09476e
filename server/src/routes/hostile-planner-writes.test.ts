import type { PlannerCommunity } from '@gridmap/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyValue, hostileBodyText, hostileGeometry, hostileNumber, hostileString, mostly, pathSegment } from '../test/hostile-values.ts';
import { getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';

// Random and hostile input to the planner's write routes (issue 9): POST /api/plans, /preview,
// /restore and /:id/apply, PUT /api/areas/:id/staff. Never a 500; a 4xx carries the error body;
// a refused write changes nothing. The audit log is left out of the comparison: what it records
// of a refusal is its own business.

/** Runs per property; each is a full request through the app. HOSTILE_RUNS=2000 hunts longer. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 120);
const COMMUNITY = 3;

/** Every table a planner write may touch, as one comparable value. */
function state(t: TestApp) {
  const all = (sql: string) => t.db.prepare(sql).all();
  return {
    areas: all('SELECT id, parent_id, geometry, households, residents, staff, grid_workers, key_group_households FROM areas ORDER BY id'),
    closure: all('SELECT * FROM area_closure ORDER BY ancestor_id, descendant_id'),
    households: all('SELECT id, grid_id FROM households ORDER BY id'),
    incidents: all('SELECT id, grid_id, version FROM incidents ORDER BY id'),
    staff: all('SELECT id, grid_id FROM staff ORDER BY id'),
    plans: all('SELECT * FROM plans ORDER BY id'),
    versions: all('SELECT * FROM grid_versions ORDER BY grid_id, version'),
  };
}

async function send(t: TestApp, method: string, path: string, body: unknown, raw = false) {
  const res = await t.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: raw ? String(body) : JSON.stringify(body) });
  const text = await res.text();
  let json: { code?: string; field?: string; requestId?: string } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    // checked below
  }
  return { status: res.status, json, text };
}

/** The answer is a success in `ok`, or a 4xx with the error body; a refusal changed nothing. */
async function expectSafe(t: TestApp, method: string, path: string, body: unknown, ok: number[], raw = false) {
  const before = state(t);
  const { status, json, text } = await send(t, method, path, body, raw);
  const what = `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} → ${status} ${text.slice(0, 300)}`;
  expect(ok.includes(status) || (status >= 400 && status < 500), what).toBe(true);
  if (!ok.includes(status)) {
    expect(json?.code, what).toBeTypeOf('string');
    expect(json?.requestId, what).toBeTypeOf('string');
    // 400 names what was wrong; 404/409/413 may be about the whole request.
    // 400 names what was wrong, 404 the id (a path no route has names nothing); 409 and 413 are about the whole request.
    if (status === 400 || (status === 404 && !/^No route/.test(String((json as { message?: string }).message)))) expect(json?.field, what).toBeTypeOf('string');
    expect(state(t), what).toEqual(before);
  }
}

async function community(t: TestApp): Promise<PlannerCommunity> {
  return (await getJson(t.app, `/api/plans/community/${COMMUNITY}`)).body as PlannerCommunity;
}

/** The community's grids, some fields replaced by hostile ones. */
function hostileGrids(c: PlannerCommunity) {
  const real = c.grids.map((g) => ({ id: g.id, name: g.name, geometry: g.geometry }));
  const grid = fc.record({
    id: fc.oneof(fc.constantFrom(...real.map((g) => g.id), -1, -2, 0), hostileNumber, anyValue),
    name: fc.oneof(fc.constant(undefined), hostileString, anyValue),
    geometry: fc.oneof(fc.constantFrom(...real.map((g) => g.geometry)), hostileGeometry),
  }, { requiredKeys: [] });
  // A vertex of a real grid moved to a hostile place (huge, tiny, far away, on another grid).
  const moved = fc.tuple(fc.nat(real.length - 1), fc.nat(3), fc.tuple(hostileNumber, hostileNumber)).map(([g, v, p]) => {
    const grids = structuredClone(real);
    const ring = (grids[g].geometry as { coordinates: unknown[][][] }).coordinates[0];
    ring[v] = p;
    if (v === 0) ring[ring.length - 1] = p;
    return grids;
  });
  return fc.oneof({ arbitrary: fc.constant(real), weight: 3 }, moved, fc.array(grid, { maxLength: 6 }), fc.tuple(grid, grid).map(([a, b]) => [...real.slice(2), a, b]), anyValue);
}

describe('hostile input to the planner writes', () => {
  const t = useTinyCountyApp();

  it('POST /api/plans/preview and POST /api/plans: 2xx or a 4xx, and a refusal writes nothing', async () => {
    const c = await community(t.current);
    const base = c.grids.map((g) => ({ id: g.id, version: g.version }));
    const body = fc.oneof(
      fc.record({
        communityId: mostly(COMMUNITY, fc.oneof(fc.constantFrom(1, 4, 999), hostileNumber, anyValue)),
        grids: hostileGrids(c),
        author: mostly('规划员', fc.oneof(hostileString, anyValue)),
        reason: mostly('调整', fc.oneof(hostileString, anyValue)),
        base: mostly(base, fc.oneof(fc.array(fc.record({ id: hostileNumber, version: hostileNumber }), { maxLength: 4 }), anyValue)),
      }),
      fc.record({ communityId: hostileNumber, grids: hostileGrids(c), author: anyValue, reason: anyValue, base: anyValue }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/plans/preview', '/api/plans'), body, async (path, b) => {
        await expectSafe(t.current, 'POST', path, b, [200, 201]);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a grid whose polygon has no ring or a ring too short to close, naming it (was a 500 in the impact)', async () => {
    const c = await community(t.current);
    const grids = c.grids.map((g) => ({ id: g.id, geometry: g.geometry }));
    for (const [coordinates, field] of [[[], 'grids.1.geometry.coordinates'], [[[[120, 29], [120.1, 29], [120, 29]]], 'grids.1.geometry.coordinates.0']] as const) {
      grids[1] = { id: grids[1].id, geometry: { type: 'Polygon', coordinates } as never };
      const { status, json } = await send(t.current, 'POST', '/api/plans/preview', { communityId: COMMUNITY, grids });
      expect(status).toBe(400);
      expect(json).toMatchObject({ code: 'bad_request', field });
    }
  });

  it('POST /api/plans/restore: 201 or a 4xx, and a refusal writes nothing', async () => {
    const body = fc.oneof(
      fc.record({
        communityId: mostly(COMMUNITY, fc.oneof(fc.constantFrom(4, 999), hostileNumber, anyValue)),
        asOf: mostly(fc.constantFrom('2025-05-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2025-02-30T00:00:00Z', '2025-05-31T23:59:59.999+08:00'), fc.oneof(hostileString, anyValue)),
        author: mostly('规划员', fc.oneof(hostileString, anyValue)),
        reason: mostly('恢复', fc.oneof(hostileString, anyValue)),
      }),
      fc.record({ communityId: anyValue, asOf: anyValue, author: anyValue, reason: anyValue }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectSafe(t.current, 'POST', '/api/plans/restore', b, [201])),
      { numRuns: RUNS },
    );
  });

  it('POST /api/plans/:id/apply: 200 or a 4xx, and a refusal writes nothing', async () => {
    const c = await community(t.current);
    const drafts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await send(t.current, 'POST', '/api/plans', {
        communityId: COMMUNITY, author: '规划员', reason: `草案${i}`,
        base: c.grids.map((g) => ({ id: g.id, version: g.version })),
        grids: c.grids.map((g) => ({ id: g.id, name: g.name, geometry: g.geometry })),
      });
      expect(res.status).toBe(201);
      drafts.push((res.json as unknown as { id: number }).id);
    }
    const ids = mostly(fc.constantFrom(...drafts.map(String)), fc.oneof(fc.constantFrom('999', '0', '-1', '1e3', 'abc', '9007199254740993', '%00', '1;DROP'), hostileString.map(pathSegment)));
    const body = mostly(fc.record({ author: mostly('规划员', fc.oneof(hostileString, anyValue)) }), fc.oneof(fc.constant({}), anyValue));
    await fc.assert(
      fc.asyncProperty(ids, body, async (id, b) => expectSafe(t.current, 'POST', `/api/plans/${id}/apply`, b, [200])),
      { numRuns: RUNS },
    );
  });

  it('PUT /api/areas/:id/staff: 200 or a 4xx, and a refusal writes nothing', async () => {
    const ids = mostly(fc.constantFrom('4', '5', '6', '7'), fc.oneof(fc.constantFrom('3', '1', '999', '0', '-4', '4.5', 'x'), hostileString.map(pathSegment)));
    const body = mostly(
      fc.record({ staffIds: mostly(fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 6 }), fc.oneof(fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 6 }), fc.array(hostileNumber, { maxLength: 60 }), anyValue)) }),
      fc.oneof(fc.constant({}), anyValue),
    );
    await fc.assert(
      fc.asyncProperty(ids, body, async (id, b) => expectSafe(t.current, 'PUT', `/api/areas/${id}/staff`, b, [200])),
      { numRuns: RUNS },
    );
  });

  it('refuses bodies that are not JSON, or nested deeper than any request needs, at every planner write', async () => {
    const routes = fc.constantFrom(['POST', '/api/plans'], ['POST', '/api/plans/preview'], ['POST', '/api/plans/restore'], ['POST', '/api/plans/1/apply'], ['PUT', '/api/areas/4/staff']);
    await fc.assert(
      fc.asyncProperty(routes, hostileBodyText, async ([method, path], text) => expectSafe(t.current, method, path, text, [], true)),
      { numRuns: RUNS },
    );
  });
});
