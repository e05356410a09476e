import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openGuardedPage } from './support/launch-browser.ts';
import { startServer, type RunningServer } from './support/start-server.ts';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { clickAt, jumpTo, renderedIds, waitForMapReady } from './map-page.ts';

// Issue 8: on a large database the map draws areas from vector tiles. A small county is served
// with AREA_TILES=on, so that the tiled map is tested on the same data as the rest: boundaries
// come from /api/tiles/areas/…, grid names from the tiles' label points, clicks still drill
// down to the grid (communities and grids are loaded by branch, not whole). Offline.

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(7, { AREA_TILES: 'on' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the map has stopped moving (a new place is framed with an animation). */
async function settled(page: import('playwright-core').Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as any).__gridmap.map;
    return map.loaded() && map.areTilesLoaded() && !map.isMoving();
  }, undefined, { timeout: 30_000 });
}

interface AreaFeature {
  id: number;
  properties: { id: number; name: string; parentId: number; labelLon: number; labelLat: number };
}

describe('the map over area tiles', () => {
  it('draws and names grids from tiles without loading them whole, and clicks still drill down to the grid', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, { width: 1400, height: 900 });
    const tileRequests: string[] = [];
    const areaLists: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/tiles/areas/')) tileRequests.push(req.url());
      if (req.url().includes('/api/areas?')) areaLists.push(req.url());
    });
    await page.goto(server.url);
    await waitForMapReady(page);
    const grids = ((await (await server.api.fetch('/api/areas?level=grid')).json()) as { features: AreaFeature[] }).features;
    const grid = grids[Math.floor(grids.length / 2)];
    const list = async (query: string) => ((await (await server.api.fetch(`/api/areas?${query}`)).json()) as { features: AreaFeature[] }).features;
    const [county] = await list('level=county');
    const community = (await list('level=community')).find((c) => c.id === grid.properties.parentId)!;
    const town = (await list('level=town')).find((t) => t.id === community.properties.parentId)!;
    // Points sit on top of areas: with them hidden, a click lands on the area under it.
    await page.getByLabel(zhCN['layers.incidents'], { exact: true }).uncheck();
    await page.getByLabel(zhCN['layers.mediationPoints'], { exact: true }).uncheck();

    await jumpTo(page, grid.properties.labelLon, grid.properties.labelLat, 15);
    expect(await page.evaluate(() => (window as any).__gridmap.map.getSource('areas-grid').type)).toBe('vector');
    expect(await renderedIds(page, 'grid-line')).toContain(grid.id);
    // Grids are named from the label points of their tiles (their collection is not loaded).
    // Symbols are placed over the frames after the tiles load, so the label is awaited.
    await expect.poll(() => renderedIds(page, 'grid-label'), { timeout: 10_000 }).toContain(grid.id);
    expect(tileRequests.some((url) => url.includes('/api/tiles/areas/grid/15/'))).toBe(true);
    expect(areaLists.some((url) => url.includes('level=grid') || url.includes('level=community'))).toBe(false);

    // A click on the map still drills from the county to the town holding the grid, and outlines it.
    await page.click('[data-testid="tab-area"]');
    const title = () => page.textContent('[data-testid="area-title"]');
    await expect.poll(title, { timeout: 15_000 }).toBe(county.properties.name);
    await settled(page);
    await clickAt(page, grid.properties.labelLon, grid.properties.labelLat);
    await expect.poll(title, { timeout: 15_000 }).toBe(town.properties.name);
    await settled(page);
    expect(await renderedIds(page, 'place-outline')).toContain(town.id);
    // Below the town the app loads the place's branch (its children by parent), so clicks go on
    // down to the community and the grid, and the breadcrumb names them.
    await clickAt(page, grid.properties.labelLon, grid.properties.labelLat);
    await expect.poll(title, { timeout: 15_000 }).toBe(community.properties.name);
    await settled(page);
    await clickAt(page, grid.properties.labelLon, grid.properties.labelLat);
    await expect.poll(title, { timeout: 15_000 }).toBe(grid.properties.name);
    expect(await page.textContent('[data-testid="place-breadcrumb"]')).toContain(community.properties.name);
    expect(areaLists.some((url) => url.includes(`parent=${town.id}`))).toBe(true);
    // The grid under the pointer carries its hover state in the tiled source.
    expect(await page.evaluate((id) => (window as any).__gridmap.map.getFeatureState({ source: 'areas-grid', sourceLayer: 'grid', id }), grid.id))
      .toMatchObject({ hover: true });
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
