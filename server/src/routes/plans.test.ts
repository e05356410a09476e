import { pointInPolygon } from '@gridmap/shared/geo/point-in-ring';
import { partitionFromGrids, partitionGeometries, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import { mergeGrids, moveVertex, splitGrid } from '@gridmap/shared/plans/partition-edits';
import { sessionSchema, type PlannerCommunity } from '@gridmap/shared';
import { hashPassword } from '../auth/password.ts';
import { insertAccount } from '../db/accounts-sql.ts';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';
import { TINY_NOW } from '../test/tiny-county.ts';

const COMMUNITY = 3;
const app = useTinyCountyApp();

async function send(t: TestApp, method: string, path: string, body: unknown) {
  const res = await t.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function load(t: TestApp): Promise<{ community: PlannerCommunity; partition: GridPartition }> {
  const community = (await getJson(t.app, `/api/plans/community/${COMMUNITY}`)).body as PlannerCommunity;
  return { community, partition: partitionFromGrids(community.grids, community.geometry) };
}

const vertexAt = (p: GridPartition, x: number, y: number) => p.xs.findIndex((vx, i) => vx === x && p.ys[i] === y);

async function draft(t: TestApp, community: PlannerCommunity, partition: GridPartition, reason = '人口东移') {
  const res = await send(t, 'POST', '/api/plans', {
    communityId: COMMUNITY,
    author: '规划员甲',
    reason,
    base: community.grids.map((g) => ({ id: g.id, version: g.version })),
    grids: partitionGeometries(partition),
  });
  expect(res.status).toBe(201);
  return res.body as { id: number };
}

/** Everything a plan could change, to check that a refused plan changed nothing. */
function snapshot(t: TestApp) {
  return {
    areas: t.db.prepare('SELECT * FROM areas ORDER BY id').all(),
    households: t.db.prepare('SELECT id, grid_id FROM households ORDER BY id').all(),
    incidents: t.db.prepare('SELECT id, grid_id FROM incidents ORDER BY id').all(),
    staff: t.db.prepare('SELECT id, grid_id FROM staff ORDER BY id').all(),
    versions: t.db.prepare('SELECT * FROM grid_versions').all(),
    plans: t.db.prepare("SELECT id FROM plans WHERE status = 'applied'").all(),
  };
}

/** Every household's and incident's grid is the one grid whose polygon holds it, over all grids. */
function expectBruteForceAssignment(t: TestApp) {
  const grids = (t.db.prepare("SELECT id, geometry FROM areas WHERE level = 'grid'").all() as { id: number; geometry: string }[])
    .map((g) => ({ id: g.id, geometry: JSON.parse(g.geometry) }));
  for (const table of ['households', 'incidents']) {
    const rows = t.db.prepare(`SELECT id, lon, lat, grid_id FROM ${table}`).all() as { lon: number; lat: number; grid_id: number }[];
    for (const r of rows) expect(grids.filter((g) => pointInPolygon(r.lon, r.lat, g.geometry)).map((g) => g.id)).toEqual([r.grid_id]);
  }
  const figures = t.db.prepare(`SELECT a.id, a.households, a.residents,
      (SELECT count(*) FROM households h WHERE h.grid_id = a.id) AS n, (SELECT coalesce(sum(size), 0) FROM households h WHERE h.grid_id = a.id) AS r
    FROM areas a WHERE level = 'grid'`).all() as { households: number; residents: number; n: number; r: number }[];
  for (const f of figures) expect([f.households, f.residents]).toEqual([f.n, f.r]);
}

describe('plans', () => {
  it('previews a moved vertex: figures per grid before and after and the community balance', async () => {
    const { partition } = await load(app.current);
    // The centre vertex moves north-east: the south-west grid takes households from its neighbours.
    const moved = moveVertex(partition, vertexAt(partition, 120.1, 29.1), 120.16, 29.16);
    const res = await send(app.current, 'POST', '/api/plans/preview', { communityId: COMMUNITY, grids: partitionGeometries(moved) });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    const sw = res.body.grids.find((g: { id: number }) => g.id === 4);
    expect(sw.change).toBe('changed');
    expect(sw.before).toMatchObject({ households: 3, keyGroupHouseholds: 1, staff: 3, gridWorkers: 2, householdsPerGridWorker: 1.5 });
    expect(sw.after.households).toBeGreaterThan(3);
    expect(res.body.balance.before.households).toMatchObject({ min: 3, max: 3, maxDeviation: 0 });
    expect(res.body.balance.after.households.maxDeviation).toBeGreaterThan(0);
  });

  it('applies a plan: grids change, households and incidents follow by point-in-polygon, a version is recorded', async () => {
    const t = app.current;
    const { community, partition } = await load(t);
    const moved = moveVertex(partition, vertexAt(partition, 120.1, 29.1), 120.16, 29.16);
    const plan = await draft(t, community, moved);
    expect((await getJson(t.app, `/api/plans/${plan.id}`)).body).toMatchObject({ status: 'draft', author: t.session.username }); // the session's name, not the body's
    const impact = (await getJson(t.app, `/api/plans/${plan.id}/impact`)).body;
    expect(impact.staleGrids).toEqual([]);

    const res = await send(t, 'POST', `/api/plans/${plan.id}/apply`, { author: '审批人乙' });
    expect(res.status).toBe(200);
    expect(res.body.changedGrids).toEqual([4, 5, 6, 7]);
    expect(res.body.reassignedHouseholds).toBeGreaterThan(0);
    expect(res.body.plan).toMatchObject({ status: 'applied', appliedBy: t.session.username });
    expectBruteForceAssignment(t);
    // The figures on the area rows and the figures the impact promised agree.
    const grids = (await getJson(t.app, `/api/areas?level=grid`)).body.features;
    for (const g of impact.grids) expect(grids.find((f: { id: number }) => f.id === g.id).properties.households).toBe(g.after.households);
    expect(JSON.stringify(grids[0].geometry)).toContain('[120.16,29.16]');
    // The community's own figures do not move: its households only changed grids inside it.
    expect((await getJson(t.app, `/api/areas/${COMMUNITY}`)).body.properties.households).toBe(12);

    const versions = (await getJson(t.app, `/api/grid-versions?community=${COMMUNITY}`)).body.versions;
    expect(versions.filter((v: { gridId: number }) => v.gridId === 4).map((v: { version: number; author: string }) => [v.version, v.author])).toEqual([[1, ''], [2, t.session.username]]);
    const before = (await getJson(t.app, `/api/grid-versions/as-of?community=${COMMUNITY}&at=2025-05-01`)).body;
    expect(JSON.stringify(before)).not.toContain('120.16');
    expect(before.features).toHaveLength(4);
    const after = (await getJson(t.app, `/api/grid-versions/as-of?community=${COMMUNITY}&at=2025-06-02`)).body;
    expect(JSON.stringify(after)).toContain('[120.16,29.16]');
    // Applying twice is refused.
    expect((await send(t, 'POST', `/api/plans/${plan.id}/apply`, { author: '审批人乙' })).status).toBe(409);
  });

  it('refuses with 409 a plan drafted on grids that changed since, naming them, and changes nothing', async () => {
    const t = app.current;
    const { community, partition } = await load(t);
    const first = await draft(t, community, moveVertex(partition, vertexAt(partition, 120.1, 29.1), 120.12, 29.12));
    const second = await draft(t, community, moveVertex(partition, vertexAt(partition, 120.1, 29.1), 120.08, 29.08));
    expect((await send(t, 'POST', `/api/plans/${first.id}/apply`, { author: '甲' })).status).toBe(200);
    const before = snapshot(t);
    const res = await send(t, 'POST', `/api/plans/${second.id}/apply`, { author: '乙' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'conflict', field: 'base' });
    expect(res.body.message).toContain('4 西南网格');
    expect(res.body.message).toContain('7 东北网格');
    expect((await getJson(t.app, `/api/plans/${second.id}/impact`)).body.staleGrids).toEqual([4, 5, 6, 7]);
    expect(snapshot(t)).toEqual(before);
  });

  it('refuses with 400 a self-intersecting grid, saying where, and changes nothing', async () => {
    const t = app.current;
    const { community } = await load(t);
    const grids = community.grids.map((g) => ({ id: g.id, geometry: g.geometry }));
    // The north-east grid's ring as a bow tie: its top corners swapped.
    grids[3] = { id: 7, geometry: { type: 'Polygon', coordinates: [[[120.1, 29.1], [120.2, 29.1], [120.1, 29.2], [120.2, 29.2], [120.1, 29.1]]] } };
    const res0 = await send(t, 'POST', '/api/plans', { communityId: COMMUNITY, author: '甲', reason: '试', base: community.grids.map((g) => ({ id: g.id, version: g.version })), grids });
    expect(res0.status).toBe(201);
    const impact = (await getJson(t.app, `/api/plans/${res0.body.id}/impact`)).body;
    expect(impact.problems.some((p: { kind: string; at: number[] }) => p.kind === 'crossing' && p.at[0] === 120.15 && p.at[1] === 29.15)).toBe(true);
    const before = snapshot(t);
    const res = await send(t, 'POST', `/api/plans/${res0.body.id}/apply`, { author: '甲' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bad_request', field: 'grids' });
    expect(res.body.message).toMatch(/at \(120\.\d+, 29\.\d+\)/);
    expect(snapshot(t)).toEqual(before);
  });

  it('splits a grid into a new grid and merges two others, reassigning people, staff and figures', async () => {
    const t = app.current;
    const { community, partition } = await load(t);
    const edited = mergeGrids(splitGrid(partition, 7, [[120.15, 29.09], [120.15, 29.21]], -1), 4, 5);
    const plan = await draft(t, community, edited, '东北拆分，南部合并');
    const res = await send(t, 'POST', `/api/plans/${plan.id}/apply`, { author: '甲' });
    expect(res.status).toBe(200);
    expect(res.body.removedGrids).toEqual([5]);
    const newId = res.body.createdGrids[0].id;
    expect(newId).toBe(8);
    const grid = (await getJson(t.app, `/api/areas/${newId}`)).body;
    expect(grid.properties).toMatchObject({ code: '330681001001005', level: 'grid', parentId: COMMUNITY, name: '小村第五网格' });
    expect(grid.properties.path.map((p: { id: number }) => p.id)).toEqual([1, 2, 3]);
    expect((await getJson(t.app, '/api/areas/5')).status).toBe(404);
    expectBruteForceAssignment(t);
    // Grid 5's staff went to grid 4, which took it over.
    expect(t.db.prepare('SELECT count(*) FROM staff WHERE grid_id = 4').pluck().get()).toBe(5);
    expect((await getJson(t.app, '/api/areas/4')).body.properties.staff).toBe(5);
    expect((await getJson(t.app, `/api/areas/${COMMUNITY}`)).body.properties).toMatchObject({ households: 12, staff: 9 });
    // Grid 5 has a history though its row is gone; the boundaries of last month still show it.
    const old = (await getJson(t.app, `/api/grid-versions/as-of?community=${COMMUNITY}&at=2025-05-01`)).body.features;
    expect(old.map((f: { id: number }) => f.id)).toEqual([4, 5, 6, 7]);
    // Restoring last month's grids is a new plan that applies cleanly and brings grid 5 back as a new grid.
    const restore = await send(t, 'POST', '/api/plans/restore', { communityId: COMMUNITY, asOf: '2025-05-01T00:00:00Z', author: '甲', reason: '恢复' });
    expect(restore.status).toBe(201);
    const applied = await send(t, 'POST', `/api/plans/${restore.body.id}/apply`, { author: '甲' });
    expect(applied.status).toBe(200);
    expect(applied.body.removedGrids).toEqual([newId]);
    expect(applied.body.createdGrids).toEqual([{ planId: -1, id: 9 }]);
    expectBruteForceAssignment(t);
  });

  it('renames a grid without moving its boundary as a new version, so the history keeps the old name', async () => {
    const t = app.current;
    const { community, partition } = await load(t);
    const grids = partitionGeometries(partition).map((g) => (g.id === 5 ? { ...g, name: '东南新网格' } : g));
    const res = await send(t, 'POST', '/api/plans', {
      communityId: COMMUNITY, author: '甲', reason: '更名', base: community.grids.map((g) => ({ id: g.id, version: g.version })), grids,
    });
    const applied = await send(t, 'POST', `/api/plans/${res.body.id}/apply`, { author: '甲' });
    expect(applied.body).toMatchObject({ changedGrids: [5], reassignedHouseholds: 0 });
    expect((await getJson(t.app, '/api/areas/5')).body.properties).toMatchObject({ name: '东南新网格', households: 3 });
    const versions = (await getJson(t.app, `/api/grid-versions?community=${COMMUNITY}`)).body.versions.filter((v: { gridId: number }) => v.gridId === 5);
    expect(versions.map((v: { version: number; name: string }) => [v.version, v.name])).toEqual([[1, community.grids[1].name], [2, '东南新网格']]);
    const before = (await getJson(t.app, `/api/grid-versions/as-of?community=${COMMUNITY}&at=2025-05-01`)).body;
    expect(before.features.find((f: { id: number }) => f.id === 5).properties.name).toBe(community.grids[1].name);
  });

  it('answers 400 for a community that is not one and 404 for an unknown plan', async () => {
    const t = app.current;
    expect((await send(t, 'POST', '/api/plans/preview', { communityId: 4, grids: [{ id: 4, geometry: { type: 'Polygon', coordinates: [[[120, 29], [120.1, 29], [120.1, 29.1], [120, 29]]] } }] })).body)
      .toMatchObject({ code: 'bad_request', field: 'communityId' });
    expect((await getJson(t.app, '/api/plans/99')).status).toBe(404);
    expect((await getJson(t.app, '/api/plans?community=3&x=1')).status).toBe(400);
  });
});

describe('grid staff', () => {
  it('sets a grid\'s team: listed staff move to it, the rest are unassigned, figures follow', async () => {
    const t = app.current;
    const res = await send(t, 'PUT', '/api/areas/5/staff', { staffIds: [3, 1] });
    expect(res.status).toBe(200);
    expect(res.body.staff.filter((s: { gridId: number | null }) => s.gridId === 5).map((s: { id: number }) => s.id)).toEqual([1, 3]);
    expect(res.body.staff.filter((s: { gridId: number | null }) => s.gridId === null).map((s: { id: number }) => s.id)).toEqual([4]);
    expect((await getJson(t.app, '/api/areas/5')).body.properties).toMatchObject({ staff: 2, staffByRole: { grid_worker: 2 }, householdsPerGridWorker: 1.5 });
    expect((await getJson(t.app, '/api/areas/4')).body.properties.staff).toBe(2);
    expect((await getJson(t.app, `/api/areas/${COMMUNITY}`)).body.properties.staff).toBe(8);
  });

  it('refuses an unknown staff id and a non-grid area, changing nothing', async () => {
    const t = app.current;
    const res = await send(t, 'PUT', '/api/areas/5/staff', { staffIds: [3, 999] });
    expect(res.body).toMatchObject({ code: 'bad_request', field: 'staffIds.1' });
    expect((await send(t, 'PUT', '/api/areas/3/staff', { staffIds: [] })).status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM staff WHERE grid_id = 5').pluck().get()).toBe(2);
  });
});

describe('plans with a session', () => {
  /** Signs in a new account of `role` scoped to `areaId`; returns a JSON writer carrying its cookie and CSRF token. */
  async function signedIn(t: TestApp, role: 'planner' | 'official', areaId: number) {
    insertAccount(t.db, { username: role, displayName: `${role}甲`, role, areaId, passwordHash: await hashPassword('plans-test') }, new Date(TINY_NOW));
    const res = await t.app.request('/api/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: role, password: 'plans-test' }),
    });
    const cookie = res.headers.get('Set-Cookie')!.split(';')[0];
    const { csrfToken } = sessionSchema.parse(await res.json());
    return async (method: string, path: string, body: unknown) => {
      const r = await t.app.request(path, {
        method, body: JSON.stringify(body), headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'content-type': 'application/json' },
      });
      return { status: r.status, body: (await r.json()) as any };
    };
  }

  it('lets a planner draft and apply inside its area, recorded under its name, and refuses a read-only role', async () => {
    const t = app.current;
    const { community, partition } = await load(t);
    const grids = partitionGeometries(moveVertex(partition, vertexAt(partition, 120.1, 29.1), 120.12, 29.12));
    const body = { communityId: COMMUNITY, author: '冒名', reason: '试', base: community.grids.map((g) => ({ id: g.id, version: g.version })), grids };
    const official = await signedIn(t, 'official', 1);
    expect((await official('POST', '/api/plans', body)).status).toBe(403);
    expect((await official('PUT', '/api/areas/5/staff', { staffIds: [] })).status).toBe(403);
    const planner = await signedIn(t, 'planner', 1);
    const draft = await planner('POST', '/api/plans', body);
    expect(draft.status).toBe(201);
    expect(draft.body.author).toBe('planner甲');
    expect((await planner('POST', `/api/plans/${draft.body.id}/apply`, { author: '冒名' })).body.plan.appliedBy).toBe('planner甲');
  });

  it('refuses a planner to take staff from a grid outside its area, changing nothing', async () => {
    const t = app.current;
    const before = snapshot(t);
    const planner = await signedIn(t, 'planner', 5);
    const onGrid4 = t.db.prepare('SELECT id FROM staff WHERE grid_id = 4 ORDER BY id').pluck().all() as number[];
    const onGrid5 = t.db.prepare('SELECT id FROM staff WHERE grid_id = 5 ORDER BY id').pluck().all() as number[];
    const res = await planner('PUT', '/api/areas/5/staff', { staffIds: [...onGrid5, onGrid4[0]] });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'forbidden', field: `staffIds[${onGrid5.length}]` });
    expect(res.body.message).toContain('grid 4');
    expect(snapshot(t)).toEqual(before);
    // Its own grid's team it may still change.
    expect((await planner('PUT', '/api/areas/5/staff', { staffIds: onGrid5.slice(1) })).status).toBe(200);
  });

  it('refuses a planner a community outside its area', async () => {
    const t = app.current;
    const planner = await signedIn(t, 'planner', 4);
    const res = await planner('POST', '/api/plans/preview', { communityId: COMMUNITY, grids: [{ id: 4, geometry: { type: 'Polygon', coordinates: [[[120, 29], [120.1, 29], [120.1, 29.1], [120, 29]]] } }] });
    expect(res.body).toMatchObject({ code: 'forbidden', field: 'communityId' });
  });
});
