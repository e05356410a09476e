import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openGuardedPage } from './support/launch-browser.ts';
import type { RunningServer } from './support/start-server.ts';
import { getJsonFrom, useServerAndBrowser } from './support/use-server-and-browser.ts';
import { waitForMapReady } from './map-page.ts';

// The data page end to end: upload a household register (a CSV with Chinese headers), map its
// Chinese columns, read the dry-run report, apply, and see the new households counted in the top
// bar; then download an export. Offline and without console errors, like every page.

const env = useServerAndBrowser(11);
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

const getJson = <T>(path: string) => getJsonFrom<T>(server, path);

/** A register of three households at grid label points and one far outside the county. */
async function registerCsv(): Promise<Buffer> {
  const grids = await getJson<{ features: { properties: { labelLon: number; labelLat: number } }[] }>('/api/areas?level=grid');
  const inside = grids.features.slice(0, 3).map((g, i) => `登记${i + 1},${g.properties.labelLon},${g.properties.labelLat},测试路${i + 1}号,${i + 2},流动人口`);
  return Buffer.from(['户编号,经度,纬度,地址,人数,标签', ...inside, '登记9,100.0,20.0,境外1号,2,'].join('\r\n'), 'utf8');
}

describe('the data page', () => {
  it('imports a household register: upload, mapping, dry-run report, apply; and offers exports', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server);
    await page.goto(server.url);
    await waitForMapReady(page);
    const before = await getJson<{ counts: { households: number } }>('/api/health');

    await page.click('[data-testid="view-data"]');
    await page.waitForSelector('[data-testid="data-page"]');
    expect(page.url()).toMatch(/#data$/);

    await page.setInputFiles('[data-testid="import-file"]', { name: '住户登记.csv', mimeType: 'text/csv', buffer: await registerCsv() });
    await expect.poll(() => page.textContent('[data-testid="import-summary"]'), { timeout: 15_000 }).toContain('4');
    // The server guessed the Chinese columns.
    expect(await page.inputValue('[data-testid="map-lon"]')).toBe('经度');
    expect(await page.inputValue('[data-testid="map-address"]')).toBe('地址');
    expect(await page.inputValue('[data-testid="map-externalId"]')).toBe('户编号');

    await page.click('[data-testid="import-dry-run"]');
    await page.waitForSelector('[data-testid="import-report"]');
    expect(await page.textContent('[data-testid="import-total-create"]')).toBe('3');
    expect(await page.textContent('[data-testid="import-total-reject"]')).toBe('1');
    expect(await page.textContent('[data-testid="import-report"]')).toContain('不在任何网格内');
    expect(await page.isDisabled('[data-testid="import-apply"]')).toBe(true);

    await page.check('.skip-rejected input');
    await page.click('[data-testid="import-dry-run"]');
    await page.waitForSelector('[data-testid="import-report"]');
    await page.click('[data-testid="import-apply"]');
    await expect.poll(() => page.textContent('[data-testid="import-result"]'), { timeout: 15_000 }).toMatch(/新建 3/);
    const after = await getJson<{ counts: { households: number } }>('/api/health');
    expect(after.counts.households).toBe(before.counts.households + 3);

    const href = await page.getAttribute('[data-testid="export-households-csv"]', 'href');
    expect(href).toBe('/api/layer-exports/households?format=csv');
    const exported = await page.evaluate(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()).length, href!);
    expect(exported).toBeGreaterThan(100);

    await page.click('[data-testid="view-map"]');
    await expect.poll(() => page.$('[data-testid="data-page"]')).toBeNull();
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
