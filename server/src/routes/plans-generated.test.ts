import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { pointInPolygon } from '@gridmap/shared/geo/point-in-ring';
import { labelPoint } from '@gridmap/shared/geo/label-point';
import { partitionFromGrids, partitionGeometries, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import { bboxOf } from '@gridmap/shared/plans/partition-balance';
import { mergeGrids, moveVertex, splitGrid } from '@gridmap/shared/plans/partition-edits';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import type { PlannerCommunity } from '@gridmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { createTestApp, getJson, type TestApp } from '../test/test-app.ts';

/** Scale of the generated county: ~2% of the full demo, a few thousand households. */
const TEST_SIZE = 0.02;
const NOW = '2026-01-01T00:00:00.000Z';

let t: TestApp;
beforeAll(async () => {
  t = createTestApp(await generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: TEST_SIZE, now: NOW }), NOW);
});
afterAll(() => t?.close());

async function post(path: string, body: unknown) {
  const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

/** A vertex shared by two grids, moved a third of the way along one of its edges, that leaves a valid partition. */
function moveSomeSharedVertex(p: GridPartition, community: PlannerCommunity): GridPartition {
  const owners = new Map<number, Set<number>>();
  for (const g of p.grids) for (const rings of g.polygons) for (const ring of rings) for (const v of ring) owners.set(v, (owners.get(v) ?? new Set()).add(g.id));
  for (const g of p.grids) for (const ring of g.polygons[0].slice(0, 1)) {
    for (let i = 0; i < ring.length; i++) {
      const v = ring[i], w = ring[(i + 1) % ring.length];
      if (p.locked.has(v) || owners.get(v)!.size < 2) continue;
      const moved = moveVertex(p, v, p.xs[v] + (p.xs[w] - p.xs[v]) / 3, p.ys[v] + (p.ys[w] - p.ys[v]) / 3);
      if (validatePartition(moved, community.geometry).length === 0) return moved;
    }
  }
  throw new Error('no movable vertex');
}

/** A grid cut by the horizontal line through its label point, where that crosses it exactly twice. */
function splitSomeGrid(p: GridPartition, community: PlannerCommunity): GridPartition {
  for (const g of partitionGeometries(p)) {
    const [minLon, , maxLon] = bboxOf(g.geometry);
    const [, y] = labelPoint(g.geometry);
    try {
      const split = splitGrid(p, g.id, [[minLon - 0.001, y], [maxLon + 0.001, y]], -1);
      if (validatePartition(split, community.geometry).length === 0) return split;
    } catch {
      // crosses more than twice: try the next grid
    }
  }
  throw new Error('no grid to split');
}

describe('plans over a generated county', () => {
  it('keeps every household and incident in the one grid whose polygon holds it after a move, a split and a merge', async () => {
    const communities = (await getJson(t.app, '/api/areas?level=community')).body.features as { id: number }[];
    let applied = 0;
    for (const { id } of communities.slice(0, 3)) {
      const community = (await getJson(t.app, `/api/plans/community/${id}`)).body as PlannerCommunity;
      if (community.grids.length < 3) continue;
      let p = partitionFromGrids(community.grids, community.geometry);
      expect(validatePartition(p, community.geometry)).toEqual([]);
      p = moveSomeSharedVertex(p, community);
      p = splitSomeGrid(p, community);
      const [a, b] = pairOfNeighbours(p);
      p = mergeGrids(p, a, b);
      expect(validatePartition(p, community.geometry)).toEqual([]);
      const draft = await post('/api/plans', {
        communityId: id, author: '甲', reason: '测试', base: community.grids.map((g) => ({ id: g.id, version: g.version })), grids: partitionGeometries(p),
      });
      const res = await post(`/api/plans/${draft.body.id}/apply`, { author: '甲' });
      expect(res.status).toBe(200);
      applied++;
    }
    expect(applied).toBeGreaterThan(0);
    // Brute force: every point against every grid of the county.
    const grids = (t.db.prepare("SELECT id, geometry FROM areas WHERE level = 'grid'").all() as { id: number; geometry: string }[])
      .map((g) => ({ id: g.id, geometry: JSON.parse(g.geometry), box: bboxOf(JSON.parse(g.geometry)) }));
    for (const table of ['households', 'incidents']) {
      const rows = t.db.prepare(`SELECT lon, lat, grid_id FROM ${table}`).all() as { lon: number; lat: number; grid_id: number }[];
      for (const r of rows) {
        const holders = grids.filter((g) => r.lon >= g.box[0] && r.lon <= g.box[2] && r.lat >= g.box[1] && r.lat <= g.box[3] && pointInPolygon(r.lon, r.lat, g.geometry));
        expect(holders.map((g) => g.id)).toEqual([r.grid_id]);
      }
    }
    const mismatched = t.db.prepare(`SELECT count(*) FROM areas a WHERE level = 'grid' AND
      (households != (SELECT count(*) FROM households h WHERE h.grid_id = a.id) OR staff != (SELECT count(*) FROM staff s WHERE s.grid_id = a.id))`).pluck().get();
    expect(mismatched).toBe(0);
  });
});

function pairOfNeighbours(p: GridPartition): [number, number] {
  const edgeOwner = new Map<string, number>();
  for (const g of p.grids) for (const rings of g.polygons) for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i], b = ring[(i + 1) % ring.length];
      const other = edgeOwner.get(`${b}>${a}`);
      if (other !== undefined && other !== g.id) return [other, g.id];
      edgeOwner.set(`${a}>${b}`, g.id);
    }
  }
  throw new Error('no neighbours');
}
