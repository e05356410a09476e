import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openGuardedPage } from './support/launch-browser.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

// The real thing end to end: the server as a child process over a new SQLite file seeded with a
// small generated county, the built web app, and Debian's Chromium drawing the map with WebGL.

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface GridFeature {
  properties: { id: number; name: string; labelLon: number; labelLat: number };
}

describe('the map page', () => {
  it('draws the grids, opens a clicked grid and switches to English, all offline and without errors', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: 60_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    // Pick the largest grid and go to street zoom over its label point.
    const grids = (await (await fetch(`${server.url}/api/areas?level=grid`)).json()) as { features: GridFeature[] };
    expect(grids.features.length).toBeGreaterThan(10);
    const grid = grids.features[Math.floor(grids.features.length / 2)].properties;
    await page.evaluate(([lon, lat]) => {
      const map = (window as any).__gridmap.map;
      map.jumpTo({ center: [lon, lat], zoom: 14.5 });
    }, [grid.labelLon, grid.labelLat]);
    await page.waitForFunction(() => {
      const map = (window as any).__gridmap.map;
      return map.loaded() && !map.isMoving() && map.queryRenderedFeatures({ layers: ['grid-line'] }).length > 0;
    }, undefined, { timeout: 30_000 });

    // Grid boundaries are drawn where the grid is.
    const drawnIds: number[] = await page.evaluate(() => {
      const map = (window as any).__gridmap.map;
      return map.queryRenderedFeatures({ layers: ['grid-line'] }).map((f: any) => Number(f.id ?? f.properties.id));
    });
    expect(drawnIds).toContain(grid.id);

    // Click the grid's label point: the detail panel names it.
    const point = await page.evaluate(([lon, lat]) => {
      const map = (window as any).__gridmap.map;
      const p = map.project([lon, lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, [grid.labelLon, grid.labelLat]);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.textContent('[data-testid="detail-title"]'), { timeout: 15_000 }).toContain(grid.name);

    // Switch the language: the whole chrome speaks English, and the switch offers Chinese back.
    const layerPanelZh = await page.textContent('[data-testid="layer-panel"]');
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('[data-testid="lang-switch"]')).toContain('中文');
    const layerPanelEn = (await page.textContent('[data-testid="layer-panel"]')) ?? '';
    expect(layerPanelEn).not.toBe(layerPanelZh);
    expect(layerPanelEn).not.toMatch(/[\u4e00-\u9fff]{2,}/); // no Chinese left in the layer panel

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
