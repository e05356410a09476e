import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OPEN_STATUSES } from '@gridmap/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { openGuardedPage } from './support/launch-browser.ts';
import { startServer, type RunningServer } from './support/start-server.ts';
import { getJsonFrom, useServerAndBrowser } from './support/use-server-and-browser.ts';
import { clickAt, jumpTo, renderedIds, waitForMapReady } from './map-page.ts';

// The real thing end to end: the server as a child process over a new SQLite file seeded with a
// small generated county, the built web app, and Debian's Chromium drawing the map with WebGL.
// Every page fails its test on a request to a non-local host or a console error.

const env = useServerAndBrowser();
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

const getJson = <T>(path: string) => getJsonFrom<T>(server, path);

interface GridFeature {
  properties: { id: number; name: string; labelLon: number; labelLat: number };
}

describe('the map page', () => {
  it('draws the grids, goes down to the town of a clicked grid and switches to English, all offline and without errors', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server);
    await page.goto(server.url);
    await waitForMapReady(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    // A grid from the middle of the list, at street zoom over its label point.
    const grids = await getJson<{ features: GridFeature[] }>('/api/areas?level=grid');
    expect(grids.features.length).toBeGreaterThan(10);
    const grid = grids.features[Math.floor(grids.features.length / 2)].properties;
    await jumpTo(page, grid.labelLon, grid.labelLat, 14.5);

    // Grid boundaries are drawn where the grid is.
    expect(await renderedIds(page, 'grid-line')).toContain(grid.id);

    // Click the grid's label point: at the county a click goes one level down (issue 7), to the
    // grid's town, which the area panel names.
    const detail = await getJson<{ properties: { path: { name: string; level: string }[] } }>(`/api/areas/${grid.id}`);
    const town = detail.properties.path.find((ancestor) => ancestor.level === 'town')!;
    await clickAt(page, grid.labelLon, grid.labelLat);
    await expect.poll(() => page.textContent('[data-testid="area-title"]'), { timeout: 15_000 }).toBe(town.name);

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

  it('shows an open incident from the vector tiles and opens its details when clicked', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server);
    await page.goto(server.url);
    await waitForMapReady(page);

    const open = await getJson<{ features: { id: number; geometry: { coordinates: [number, number] }; properties: { kind: string } }[] }>(
      `/api/incidents?status=${OPEN_STATUSES.join(',')}&limit=1`,
    );
    expect(open.features).toHaveLength(1);
    const incident = open.features[0];
    const [lon, lat] = incident.geometry.coordinates;
    await jumpTo(page, lon, lat, 16);
    expect(await renderedIds(page, 'incidents-point')).toContain(incident.id);

    await clickAt(page, lon, lat);
    const kind = zhCN[`incidentKind.${incident.properties.kind}` as keyof typeof zhCN];
    await expect.poll(() => page.textContent('[data-testid="detail-title"]'), { timeout: 15_000 }).toContain(kind);
    expect(await page.textContent('[data-testid="detail-title"]')).toContain(String(incident.id));

    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('hides a layer when its switch is turned off', async () => {
    const { page, errors } = await openGuardedPage(browser, server);
    await page.goto(server.url);
    await waitForMapReady(page);
    const visibility = () =>
      page.evaluate(() => (window as any).__gridmap.map.getLayoutProperty('incidents-point', 'visibility') ?? 'visible');
    expect(await visibility()).toBe('visible');
    await page.getByLabel(zhCN['layers.incidents'], { exact: true }).uncheck();
    await expect.poll(visibility).toBe('none');
    expect(errors).toEqual([]);
  });
});

describe('a configured base map', () => {
  let styleServer: Server;
  let configured: RunningServer;
  const BASEMAP_LAYER = 'provincial-basemap-background';

  beforeAll(async () => {
    // A deployment's own style service, local like everything in these tests.
    styleServer = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end(JSON.stringify({ version: 8, sources: {}, layers: [{ id: BASEMAP_LAYER, type: 'background', paint: { 'background-color': '#dfe8d8' } }] }));
    });
    await new Promise<void>((ok) => styleServer.listen(0, '127.0.0.1', ok));
    const { port } = styleServer.address() as AddressInfo;
    configured = await startServer(7, { BASEMAP_STYLE_URL: `http://127.0.0.1:${port}/style.json` });
  });

  afterAll(async () => {
    await configured?.stop();
    await new Promise((ok) => styleServer?.close(ok));
  });

  it('draws GridMap’s layers over the style that BASEMAP_STYLE_URL names', async () => {
    const { page, errors } = await openGuardedPage(browser, configured);
    await page.goto(configured.url);
    await waitForMapReady(page);
    const layers: string[] = await page.evaluate(() => (window as any).__gridmap.map.getStyle().layers.map((l: any) => l.id));
    expect(layers[0]).toBe(BASEMAP_LAYER);
    expect(layers).toEqual(expect.arrayContaining(['grid-line', 'incidents-point', 'mediation-points']));
    expect(errors).toEqual([]);
  });
});
