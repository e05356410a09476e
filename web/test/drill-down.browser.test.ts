import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { openGuardedPage } from './support/launch-browser.ts';
import type { RunningServer } from './support/start-server.ts';
import { useServerAndBrowser } from './support/use-server-and-browser.ts';
import { clickAt, waitForMapReady } from './map-page.ts';

// Issue 7 end to end: an official drills county → town → community → grid by map and list
// clicks, goes back up by the breadcrumb, reloads the shared URL, opens a case from the table
// and exports the selection. Real server, real SQLite file, real Chromium; offline.

const env = useServerAndBrowser(11);
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

interface AreaFeature {
  id: number;
  properties: { id: number; name: string; parentId: number | null; labelLon: number; labelLat: number };
}

async function areasOf(query: string): Promise<AreaFeature[]> {
  const res = await server.api.fetch(`/api/areas?${query}`);
  return ((await res.json()) as { features: AreaFeature[] }).features;
}

const title = (page: Page) => page.textContent('[data-testid="area-title"]');
const placeParam = (page: Page) => new URL(page.url()).searchParams.get('area');

/** Waits until the map has stopped moving (a new place is framed with an animation). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__gridmap.map;
    return map.loaded() && !map.isMoving();
  }, undefined, { timeout: 30_000 });
}

describe('drilling from the county to a grid', () => {
  it('goes down by map and list clicks, back up by the breadcrumb, and a reload restores the place', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, { width: 1600, height: 1000 });
    await page.goto(server.url);
    await waitForMapReady(page);
    const [county] = await areasOf('level=county');
    // The right column opens on the command centre; its other tab is the area panel, at the county.
    await page.click('[data-testid="tab-area"]');
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(county.properties.name);
    expect(new URL(page.url()).searchParams.get('panel')).toBe('area');
    // Points sit on top of areas: with them hidden, a click lands on the area under it.
    await page.getByLabel(zhCN['layers.incidents'], { exact: true }).uncheck();
    await page.getByLabel(zhCN['layers.mediationPoints'], { exact: true }).uncheck();

    // County → town: a click on the map inside a town.
    const [town] = await areasOf(`parent=${county.id}`);
    await settled(page);
    await clickAt(page, town.properties.labelLon, town.properties.labelLat);
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(town.properties.name);
    expect(placeParam(page)).toBe(String(town.id));
    // The map colours the town's communities by the safety index, with its legend.
    await page.waitForSelector('[data-testid="place-legend"]');

    // Town → community: a click in the list of sub-areas.
    const communities = await areasOf(`parent=${town.id}`);
    const listed = page.locator('[data-testid="child-list"] button[data-area-id]').first();
    const communityId = Number(await listed.getAttribute('data-area-id'));
    const community = communities.find((c) => c.id === communityId)!;
    await listed.click();
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(community.properties.name);

    // Community → grid: a click on the map on one of its grids.
    const [grid] = await areasOf(`parent=${community.id}`);
    await settled(page);
    await clickAt(page, grid.properties.labelLon, grid.properties.labelLat);
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(grid.properties.name);
    expect(await page.textContent('[data-testid="place-breadcrumb"]')).toContain(community.properties.name);

    // Back up to the town by the breadcrumb; Back in the browser goes down again.
    await page.click(`[data-testid="place-breadcrumb"] button[data-area-id="${town.id}"]`);
    await expect.poll(() => title(page)).toBe(town.properties.name);
    await page.goBack();
    await expect.poll(() => title(page)).toBe(grid.properties.name);
    await page.goForward();
    await expect.poll(() => title(page)).toBe(town.properties.name);

    // A shared link: the reload opens the same place and figure.
    await page.click('[data-testid="figure-overdue"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('figure')).toBe('overdue');
    await page.reload();
    await waitForMapReady(page);
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(town.properties.name);
    expect(await page.getAttribute('[data-testid="figure-overdue"]', 'aria-pressed')).toBe('true');

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens an incident from the table and exports the selection as CSV and GeoJSON', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, { width: 1600, height: 1000 });
    const [county] = await areasOf('level=county');
    const [town] = await areasOf(`parent=${county.id}`);
    await page.goto(`${server.url}/?area=${town.id}&from=2020-01-01`);
    await waitForMapReady(page);
    await expect.poll(() => title(page), { timeout: 15_000 }).toBe(town.properties.name);

    // The table's first row opens the case in the detail panel and puts it in the URL.
    const row = page.locator('[data-testid="incident-table"] tbody tr').first();
    await row.waitFor({ timeout: 15_000 });
    const id = await row.getAttribute('data-incident-id');
    await row.click();
    await expect.poll(() => page.textContent('[data-testid="detail-title"]'), { timeout: 15_000 }).toContain(`#${id}`);
    expect(new URL(page.url()).searchParams.get('incident')).toBe(id);

    // The table counts the same selection that the exports carry.
    const href = (await page.getAttribute('[data-testid="export-csv"]', 'href'))!;
    const all = await server.api.fetch(`${href.replace('/api/exports/incidents.csv', '/api/incidents')}&limit=1`);
    const numberMatched = ((await all.json()) as { numberMatched: number }).numberMatched;
    expect(await page.textContent('[data-testid="table-count"]')).toContain(String(numberMatched));

    // The CSV download: UTF-8 with BOM, a header, one line per incident of the selection.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['id', 'kind', 'status']);
    expect(lines).toHaveLength(numberMatched + 1);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toContain(id);

    // The GeoJSON download of the same selection parses and holds as many features.
    const [geo] = await Promise.all([page.waitForEvent('download'), page.click(`text=${zhCN['area.exportGeojson']}`)]);
    const collection = JSON.parse(readFileSync((await geo.path())!, 'utf8')) as { type: string; features: unknown[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(numberMatched);

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
