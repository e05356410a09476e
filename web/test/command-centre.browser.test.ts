import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { openGuardedPage } from './support/launch-browser.ts';
import type { RunningServer } from './support/start-server.ts';
import { useServerAndBrowser } from './support/use-server-and-browser.ts';
import { clickAt, jumpTo, renderedIds, waitForMapReady } from './map-page.ts';

// The command centre end to end: a real server, the built app, Chromium. Incidents and steps
// made elsewhere (the API, another browser) reach the page through GET /api/live, with no reload.

const env = useServerAndBrowser(11);
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

interface Feature {
  id: number;
  geometry: { coordinates: [number, number] };
  properties: { version: number; status: string; gridId: number };
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await server.api.fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A place inside the county: a grid's label point. */
async function placeInCounty(index: number): Promise<[number, number]> {
  const grids = await api<{ features: { properties: { labelLon: number; labelLat: number } }[] }>('/api/areas?level=grid');
  const grid = grids.features[index % grids.features.length].properties;
  return [grid.labelLon, grid.labelLat];
}

async function openCommandCentre() {
  const guarded = await openGuardedPage(browser, server);
  await guarded.page.goto(server.url);
  await waitForMapReady(guarded.page);
  await guarded.page.waitForSelector('[data-testid="live-state"].live', { timeout: 20_000 });
  return guarded;
}

const counter = async (page: import('playwright-core').Page, id: string) => Number((await page.textContent(`[data-testid="${id}"]`))?.replace(/\D/g, ''));

describe('the command centre', () => {
  it('shows an incident posted through the API on the map and in the feed, and counts it, without a reload', async () => {
    const { page, foreignRequests, errors } = await openCommandCentre();
    await expect.poll(() => page.textContent('[data-testid="counter-open"]')).toMatch(/\d/);
    const openBefore = await counter(page, 'counter-open');
    const [lon, lat] = await placeInCounty(3);
    await jumpTo(page, lon, lat, 15);

    const created = await api<Feature>('/api/incidents', {
      kind: 'labour', description: '工资拖欠，工人聚集', location: { lon, lat }, source: 'hotline_12345', severity: 1, actor: '测试',
    });

    const line = page.locator(`[data-testid="live-feed"] li[data-incident-id="${created.id}"]`);
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
    expect(await line.textContent()).toContain(zhCN['event.report']);
    expect(await line.textContent()).toContain(zhCN['incidentKind.labour']);
    await expect.poll(() => renderedIds(page, 'live-incidents'), { timeout: 10_000 }).toContain(created.id);
    await expect.poll(() => counter(page, 'counter-open'), { timeout: 10_000 }).toBe(openBefore + 1);
    // The incident tiles are fetched again after the change: the case is in them too.
    await expect.poll(() => renderedIds(page, 'incidents-point'), { timeout: 15_000 }).toContain(created.id);

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a step taken in one browser in another, feed and detail', async () => {
    const [lon, lat] = await placeInCounty(7);
    const created = await api<Feature>('/api/incidents', {
      kind: 'neighbour', description: '相邻通行纠纷', location: { lon, lat }, source: 'patrol', severity: 1, actor: '测试',
    });
    const a = await openCommandCentre();
    const b = await openCommandCentre();
    for (const { page } of [a, b]) {
      await page.click(`[data-testid="live-feed"] li[data-incident-id="${created.id}"] button`);
      await expect.poll(() => page.textContent('[data-testid="detail-title"]')).toContain(`#${created.id}`);
      await page.waitForSelector('[data-transition="accept"]');
    }

    await a.page.click('[data-transition="accept"]');
    await a.page.click('[data-testid="action-submit"]');

    // B hears of it: the feed gains the step, the open detail shows the new status and timeline.
    const accepted = b.page.locator(`[data-testid="live-feed"] li[data-incident-id="${created.id}"]`, { hasText: zhCN['event.accept'] });
    await expect.poll(() => accepted.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => b.page.locator('[data-testid="incident-timeline"] li').count(), { timeout: 10_000 }).toBe(2);
    expect(await b.page.textContent('[data-testid="detail-panel"]')).toContain(zhCN['incidentStatus.accepted']);
    expect(await b.page.locator('[data-transition="assign"]').count()).toBe(1);

    for (const { foreignRequests, errors } of [a, b]) {
      expect(foreignRequests).toEqual([]);
      expect(errors).toEqual([]);
    }
  });

  it('takes a report through the form, placed by a click on the map', async () => {
    const { page, foreignRequests, errors } = await openCommandCentre();
    const [lon, lat] = await placeInCounty(11);
    await jumpTo(page, lon, lat, 15);
    await page.click('[data-testid="new-report"]');
    await page.click('[data-testid="intake-submit"]');
    // Nothing placed yet: the form says what is missing and posts nothing.
    expect(await page.textContent('[data-testid="intake-error"]')).toContain(zhCN['intake.lon']);

    await page.click('[data-testid="intake-pick"]');
    await clickAt(page, lon, lat);
    await expect.poll(() => page.inputValue('[data-testid="intake-lon"]')).not.toBe('');
    expect(Number(await page.inputValue('[data-testid="intake-lon"]'))).toBeCloseTo(lon, 4);
    await page.selectOption('[data-testid="intake-kind"]', 'property');
    await page.fill('[data-testid="intake-description"]', '物业费争议，业主与物业公司协商未果');
    await page.click('[data-testid="intake-submit"]');

    // The new case opens in the detail panel, in the grid the server found for it.
    await expect.poll(() => page.textContent('[data-testid="detail-title"]'), { timeout: 10_000 }).toContain(zhCN['incidentKind.property']);
    const title = (await page.textContent('[data-testid="detail-title"]')) ?? '';
    const id = Number(title.split('#')[1]);
    const stored = await api<Feature>(`/api/incidents/${id}`);
    expect(stored.geometry.coordinates[0]).toBeCloseTo(lon, 4);
    expect(stored.properties.status).toBe('reported');
    await expect.poll(() => page.locator(`[data-testid="live-feed"] li[data-incident-id="${id}"]`).count(), { timeout: 10_000 }).toBe(1);

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
