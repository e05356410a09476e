import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { launchBrowser, openGuardedPage } from './support/launch-browser.ts';
import { startServer, type RunningServer } from './support/start-server.ts';
import { clickAt, jumpTo, renderedIds, waitForMapReady } from './map-page.ts';

// Issue 5 end to end: nearest mediation from a place (the map's context menu) and from an
// incident (its panel), assigning through the handling cycle, and coverage gaps on the map.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(13), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function api<T>(path: string): Promise<T> {
  const res = await server.api.fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Collection = { features: { id: number; geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[] };

async function openApp() {
  const guarded = await openGuardedPage(browser, server);
  await guarded.page.goto(server.url);
  await waitForMapReady(guarded.page);
  return guarded;
}

/** Right-clicks the map at a longitude and latitude. */
async function rightClickAt(page: Page, lon: number, lat: number): Promise<void> {
  const point = await page.evaluate(([lon, lat]) => {
    const map = (window as any).__gridmap.map;
    const p = map.project([lon, lat]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, [lon, lat]);
  await page.mouse.click(point.x, point.y, { button: 'right' });
}

const rowIds = (page: Page) => page.locator('[data-testid="nearest-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-point-id'))));

describe('nearest mediation on the map', () => {
  it('lists and draws the nearest points from a right-clicked place, as the API answers, and follows the kind', async () => {
    const { page, foreignRequests, errors } = await openApp();
    const grids = await api<{ features: { properties: { labelLon: number; labelLat: number } }[] }>('/api/areas?level=grid');
    const { labelLon, labelLat } = grids.features[Math.floor(grids.features.length / 2)].properties;
    await jumpTo(page, labelLon, labelLat, 13);
    const searches: string[] = [];
    page.on('request', (r) => r.url().includes('/api/mediation-points/nearest') && searches.push(r.url()));

    await rightClickAt(page, labelLon, labelLat);
    await page.click('[data-testid="menu-nearest-here"]');
    await page.waitForSelector('[data-testid="nearest-row"]');
    const answer = await api<Collection>(new URL(searches.at(-1)!).pathname + new URL(searches.at(-1)!).search);
    expect(answer.features.length).toBe(5);
    expect(await rowIds(page)).toEqual(answer.features.map((f) => f.id));
    // Distances read as the list shows them, nearest first.
    const metres = answer.features.map((f) => f.properties.distanceM as number);
    expect([...metres].sort((a, b) => a - b)).toEqual(metres);
    // The candidates are on the map, with a line from the place to each.
    await expect.poll(async () => (await renderedIds(page, 'nearest-candidates')).sort()).toEqual(answer.features.map((f) => f.id).sort());
    await expect.poll(() => page.evaluate(() => (window as any).__gridmap.map.queryRenderedFeatures({ layers: ['nearest-lines'] }).length)).toBeGreaterThan(0);

    await page.selectOption('[data-testid="nearest-kind"]', 'labour');
    await expect.poll(() => searches.at(-1) ?? '').toContain('disputeKind=labour');
    const labour = await api<Collection>(new URL(searches.at(-1)!).pathname + new URL(searches.at(-1)!).search);
    await expect.poll(() => rowIds(page)).toEqual(labour.features.map((f) => f.id));
    for (const f of labour.features) expect(f.properties.disputeKinds).toContain('labour');

    await page.click('[data-testid="nearest-panel"] .detail-close');
    expect(await page.locator('[data-testid="nearest-panel"]').count()).toBe(0);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("assigns an incident to a chosen point from its panel, through the handling cycle's assign step", async () => {
    const accepted = await api<Collection>('/api/incidents?status=accepted&limit=1');
    const incident = accepted.features[0];
    const [lon, lat] = incident.geometry.coordinates;
    const { page, foreignRequests, errors } = await openApp();
    await jumpTo(page, lon, lat, 16);
    await clickAt(page, lon, lat);
    await page.waitForSelector('[data-testid="nearest-button"]');
    await page.click('[data-testid="nearest-button"]');
    await page.waitForSelector('[data-testid="nearest-row"]');
    const answer = await api<Collection>(`/api/incidents/${incident.id}/nearest-mediation?k=5`);
    expect(await rowIds(page)).toEqual(answer.features.map((f) => f.id));

    const chosen = answer.features[1] ?? answer.features[0];
    await page.locator(`[data-testid="nearest-row"][data-point-id="${chosen.id}"] .nearest-pick`).click();
    await page.fill('[data-testid="nearest-assignee"]', '测试调解员');
    await page.click('[data-testid="nearest-assign-submit"]');
    await page.waitForSelector('[data-testid="nearest-assigned"]');
    expect(await page.textContent('[data-testid="nearest-assigned"]')).toContain(chosen.properties.name as string);

    const after = await api<{ properties: { status: string; mediationPointId: number } }>(`/api/incidents/${incident.id}`);
    expect(after.properties).toMatchObject({ status: 'assigned', mediationPointId: chosen.id });
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('coverage gaps on the map', () => {
  it('shows the county figure and grid fill the API computes, and draws suggested places', async () => {
    const { page, foreignRequests, errors } = await openApp();
    await page.click('[data-testid="coverage-toggle"]');
    await page.waitForSelector('[data-testid="coverage-county"]');
    const figures = await api<{ areas: { level: string; households: number; uncovered: { labour: number } }[] }>('/api/coverage?distance=3000&kind=labour');
    const county = figures.areas.find((a) => a.level === 'county')!;
    const text = await page.textContent('[data-testid="coverage-county"]');
    expect(text?.replace(/,/g, '')).toContain(`${county.uncovered.labour} 户`);
    expect(await page.locator('[data-testid="coverage-towns"] tbody tr').count()).toBe(figures.areas.filter((a) => a.level === 'town').length);
    await expect.poll(() => renderedIds(page, 'coverage-fill').then((ids) => ids.length)).toBeGreaterThan(0);

    await page.click('[data-testid="coverage-suggest"]');
    await page.waitForSelector('[data-testid="coverage-suggestions"]');
    const suggestions = await api<{ suggestions: unknown[] }>('/api/coverage/suggestions?kind=labour&distance=3000&n=5');
    expect(await page.locator('.suggestion-list li').count()).toBe(suggestions.suggestions.length);
    if (suggestions.suggestions.length > 0) {
      await expect.poll(() => page.evaluate(() => (window as any).__gridmap.map.queryRenderedFeatures({ layers: ['coverage-suggestion-mark'] }).length)).toBe(suggestions.suggestions.length);
    }
    await page.click('[data-testid="coverage-panel"] .detail-close');
    await expect.poll(() => page.evaluate(() => (window as any).__gridmap.map.getLayoutProperty('coverage-fill', 'visibility'))).toBe('none');
    expect(await page.textContent('[data-testid="coverage-toggle"]')).toBe(zhCN['coverage.toggle']);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
