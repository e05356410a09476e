import type { PlannerCommunity } from '@gridmap/shared';
import { partitionFromGrids, partitionGeometries } from '@gridmap/shared/plans/grid-partition';
import { moveVertex } from '@gridmap/shared/plans/partition-edits';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import { countyDayNumber, isoDateOfDayNumber } from '@gridmap/shared/time/county-time';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openGuardedPage } from './support/launch-browser.ts';
import { signedInClient, type SignedInClient } from './support/planner-session.ts';
import type { RunningServer } from './support/start-server.ts';
import { useServerAndBrowser } from './support/use-server-and-browser.ts';
import { jumpTo, waitForMapReady } from './map-page.ts';

// The planner's history, plans and staff (issue 6): boundaries as of a date after a plan was
// applied, a stale draft refused by name, restoring a version as a draft, and staff assignment
// moving the workload figure. Signed in as the demo planner, in the page and over HTTP.

const env = useServerAndBrowser(11);
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

const plannerClient = () => signedInClient(server);
type Client = SignedInClient;

/** The community with the most grids among the first few. */
async function bigCommunity(api: Client): Promise<PlannerCommunity> {
  const communities = await api<{ features: { id: number }[] }>('/api/areas?level=community');
  let best: PlannerCommunity | null = null;
  for (const c of communities.features.slice(0, 10)) {
    const candidate = await api<PlannerCommunity>(`/api/plans/community/${c.id}`);
    if (!best || candidate.grids.length > best.grids.length) best = candidate;
  }
  return best!;
}

/** Moves a free shared vertex by ~50 m, valid; returns the grids and where the vertex was and went. */
function movedGrids(community: PlannerCommunity) {
  const p = partitionFromGrids(community.grids, community.geometry);
  for (let v = 0; v < p.xs.length; v++) {
    if (p.locked.has(v)) continue;
    for (const [dx, dy] of [[0.0005, 0.0003], [-0.0005, 0.0003], [0.0005, -0.0003], [-0.0005, -0.0003]]) {
      const moved = moveVertex(p, v, p.xs[v] + dx, p.ys[v] + dy);
      if (validatePartition(moved, community.geometry).length > 0) continue;
      return { grids: partitionGeometries(moved), from: [p.xs[v], p.ys[v]] as [number, number], to: [p.xs[v] + dx, p.ys[v] + dy] as [number, number] };
    }
  }
  throw new Error('no vertex moves');
}

const base = (c: PlannerCommunity) => c.grids.map((g) => ({ id: g.id, version: g.version }));
const positions = (g: PlannerCommunity['grids'][number]) => (g.geometry.type === 'Polygon' ? g.geometry.coordinates.flat() : g.geometry.coordinates.flat(2));
const hasPoint = (c: PlannerCommunity, [x, y]: [number, number]) => c.grids.some((g) => positions(g).some((q) => q[0] === x && q[1] === y));

/** A page signed in as the demo planner, on the community, with the planner open on `tab`. */
async function openPlanner(communityId: number, tab: 'edit' | 'plans' | 'history' | 'staff') {
  const guarded = await openGuardedPage(browser, server, undefined, 'planner');
  const { page } = guarded;
  await page.goto(`${server.url}/?area=${communityId}`);
  await waitForMapReady(page);
  await page.click('[data-testid="planner-open"]', { timeout: 15_000 });
  await page.click(`[data-testid="planner-tab-${tab}"]`);
  return guarded;
}

/** The distance from (lon, lat) to the nearest vertex a line layer draws in the view, in degrees. */
function nearestDrawn(page: Page, layer: string, [lon, lat]: [number, number]): Promise<number> {
  return page.evaluate(([layer, lon, lat]) => {
    const map = (window as any).__gridmap.map;
    const coords = map.queryRenderedFeatures({ layers: [layer] }).flatMap((f: any) => {
      const g = f.geometry;
      return g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' || g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
    });
    return Math.min(Infinity, ...coords.map(([x, y]: number[]) => Math.hypot(x - lon, y - lat)));
  }, [layer, lon, lat] as const);
}

/** How near a drawn vertex counts as the same point: tile coordinates round, ~1 m. */
const DRAWN_TOLERANCE_DEG = 1e-5;

describe('the planner\'s history and plans', () => {
  it('shows the old boundary as of yesterday, names the grids of a stale draft, and restores the old grids as a draft that applies', async () => {
    const api = await plannerClient();
    const community = await bigCommunity(api);
    const move = movedGrids(community);
    // Two planners draft on the same grids; the first plan is applied, the second is stale.
    const applied = await api<{ id: number }>('/api/plans', { communityId: community.id, author: '甲', reason: '北移边界', base: base(community), grids: move.grids });
    const stale = await api<{ id: number }>('/api/plans', { communityId: community.id, author: '乙', reason: '另一稿', base: base(community), grids: partitionGeometries(partitionFromGrids(community.grids, community.geometry)).map((g, i) => (i === 0 ? { ...g, name: '乙稿网格' } : g)) });
    await api(`/api/plans/${applied.id}/apply`, { author: '甲' });

    const { page, foreignRequests, errors } = await openPlanner(community.id, 'history');
    await page.waitForSelector(`[data-testid="history-list"] li[data-plan="${applied.id}"]`);
    expect(await page.textContent(`[data-testid="history-list"] li[data-plan="${applied.id}"]`)).toContain('北移边界');
    const yesterday = isoDateOfDayNumber(countyDayNumber(Date.now()) - 1);
    await page.fill('[data-testid="history-compare"]', yesterday);
    await expect.poll(() => page.textContent('[data-testid="history-legend"]'), { timeout: 10_000 }).toContain(yesterday);
    await jumpTo(page, move.from[0], move.from[1], 17);
    // Today's boundary (solid) runs through the new vertex; yesterday's (dashed) through the old one.
    await expect.poll(() => nearestDrawn(page, 'history-compare-line', move.from), { timeout: 10_000 }).toBeLessThan(DRAWN_TOLERANCE_DEG);
    expect(await nearestDrawn(page, 'history-as-of-line', move.from)).toBeGreaterThan(10 * DRAWN_TOLERANCE_DEG);
    expect(await nearestDrawn(page, 'history-as-of-line', move.to)).toBeLessThan(DRAWN_TOLERANCE_DEG);

    // The other planner's draft opens for review: stale, naming the grids that changed; applying it is refused.
    await page.click('[data-testid="planner-tab-plans"]');
    await page.click(`li[data-plan="${stale.id}"] [data-testid="plan-open"]`);
    await page.waitForSelector('[data-testid="planner-stale"]');
    const changedName = community.grids.find((g) => JSON.stringify(g.geometry) !== JSON.stringify(move.grids.find((m) => m.id === g.id)!.geometry))!.name;
    expect(await page.textContent('[data-testid="planner-stale"]')).toContain(changedName);
    await page.click('[data-testid="planner-apply"]');
    await expect.poll(() => page.textContent('[data-testid="planner-message"]'), { timeout: 10_000 }).toContain('已过期');
    expect(await page.textContent('[data-testid="planner-message"]')).toContain(changedName);
    expect(hasPoint(await api<PlannerCommunity>(`/api/plans/community/${community.id}`), move.to)).toBe(true);

    // Restoring the first boundaries makes a draft, opened for review; applied, the old vertex is back.
    await page.click('[data-testid="planner-tab-history"]');
    await page.click('[data-testid="history-list"] li[data-plan=""] [data-testid="history-restore"]');
    await page.waitForSelector('[data-testid="planner-draft"]');
    const plans = await api<{ plans: { id: number; status: string; author: string }[] }>(`/api/plans?community=${community.id}`);
    const restore = plans.plans[0];
    expect(restore).toMatchObject({ status: 'draft', author: '网格规划员' });
    expect(await page.textContent('[data-testid="planner-draft"]')).toContain(`#${restore.id}`);
    const draft = await api<{ grids: PlannerCommunity['grids'] }>(`/api/plans/${restore.id}`);
    expect(hasPoint({ ...community, grids: draft.grids }, move.from)).toBe(true);
    await page.click('[data-testid="planner-apply"]');
    await expect.poll(() => page.textContent('[data-testid="planner-message"]'), { timeout: 15_000 }).toContain('已生效');
    const now = await api<PlannerCommunity>(`/api/plans/community/${community.id}`);
    expect(hasPoint(now, move.from)).toBe(true);
    expect(hasPoint(now, move.to)).toBe(false);
    expect(foreignRequests).toEqual([]);
    // Chromium logs the refused apply (asked for above) as a failed resource; nothing else may fail.
    expect(errors.filter((e) => !e.includes('409 (Conflict)'))).toEqual([]);
    expect(errors.filter((e) => e.includes('409 (Conflict)'))).toHaveLength(1);
  });
});

describe('renaming a grid in the planner', () => {
  it('renames the selected grid, applies it, and the history keeps the old name', async () => {
    const api = await plannerClient();
    const community = await bigCommunity(api);
    const grid = community.grids[1];
    const { page, foreignRequests, errors } = await openPlanner(community.id, 'edit');
    await page.click(`[data-testid="planner-table"] tr[data-grid="${grid.id}"]`);
    await page.fill('[data-testid="planner-rename"]', '浏览器测试网格');
    await page.fill('[data-testid="planner-reason"]', '更名');
    await page.click('[data-testid="planner-apply"]');
    await expect.poll(() => page.textContent('[data-testid="planner-message"]'), { timeout: 15_000 }).toContain('已生效');
    const now = await api<PlannerCommunity>(`/api/plans/community/${community.id}`);
    expect(now.grids.find((g) => g.id === grid.id)).toMatchObject({ name: '浏览器测试网格', version: grid.version + 1 });
    const versions = await api<{ versions: { gridId: number; name: string }[] }>(`/api/grid-versions?community=${community.id}`);
    expect(versions.versions.filter((v) => v.gridId === grid.id).map((v) => v.name).slice(-2)).toEqual([grid.name, '浏览器测试网格']);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('staff assignment in the planner', () => {
  it('removes a grid worker from a grid and assigns them back, the workload figure following each time', async () => {
    const api = await plannerClient();
    const community = await bigCommunity(api);
    const grid = community.grids[0];
    const { page, foreignRequests, errors } = await openPlanner(community.id, 'staff');
    await page.selectOption('[data-testid="staff-grid"]', String(grid.id));
    const workers = `[data-testid="staff-workload"] tr[data-grid="${grid.id}"] td[data-col="gridWorkers"]`;
    const perWorker = `[data-testid="staff-workload"] tr[data-grid="${grid.id}"] td[data-col="householdsPerGridWorker"]`;
    await page.waitForSelector(workers);
    const before = await api<{ properties: { staffByRole: { grid_worker?: number }; householdsPerGridWorker: number | null } }>(`/api/areas/${grid.id}`);
    const n = before.properties.staffByRole.grid_worker ?? 0;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(await page.textContent(workers)).toBe(String(n));
    const perBefore = await page.textContent(perWorker);

    const worker = page.locator('[data-testid="staff-team"] li', { has: page.locator('.role-grid_worker') }).first();
    const staffId = await worker.getAttribute('data-staff');
    await worker.locator('[data-testid="staff-unassign"]').click();
    await expect.poll(() => page.textContent(workers), { timeout: 10_000 }).toBe(String(n - 1));
    expect(await page.textContent(perWorker)).not.toBe(perBefore);
    const after = await api<{ properties: { staffByRole: { grid_worker?: number } } }>(`/api/areas/${grid.id}`);
    expect(after.properties.staffByRole.grid_worker ?? 0).toBe(n - 1);

    await page.click(`[data-testid="staff-unassigned"] li[data-staff="${staffId}"] [data-testid="staff-assign"]`);
    await expect.poll(() => page.textContent(workers), { timeout: 10_000 }).toBe(String(n));
    expect(await page.textContent(perWorker)).toBe(perBefore);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
