import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../web/test/support/launch-browser.ts';
import { median, printTable, quantile, runWhenMain, spawnServer } from './bench-utils.ts';
import { DEMO_PASSWORD } from '@gridmap/shared/demo/demo-defaults';

// Heat-map frame times over the FULL demo county (61,600 incidents), where the browser test uses a
// small one: the heat layer playing week by week at county and town zoom, against the cost of one
// full redraw of the same view with and without the heat layer. Needs the built web app
// (`pnpm build`). Run: `pnpm bench` or `npx tsx scripts/bench/heat-playback.ts`.
// Chromium runs headless with WebGL on SwiftShader (the CPU): a real GPU draws far faster.

const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_MS ?? 8_000); // playback sampled per view, in ms
const VIEWS: { name: string; center: [number, number]; zoom: number }[] = [
  { name: 'county (z9.6)', center: [120.24, 29.72], zoom: 9.6 },
  { name: 'town (z12)', center: [120.24, 29.71], zoom: 12 },
];

/**
 * The times between animation frames over `ms`, in ms. Browser code goes in as text: tsx would
 * otherwise wrap the function with helpers the page does not have.
 */
function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((ok) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick); else ok(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

/** Runs `body` in the page with `map` bound to the app's MapLibre map. */
function onMap<T = unknown>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(() => { const map = window.__gridmap.map; ${body} })()`);
}

const figures = (xs: number[]) => `median ${median(xs).toFixed(1)}, p90 ${quantile(xs, 0.9).toFixed(1)}, worst ${Math.max(...xs).toFixed(1)}`;

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-heat-'));
  const server = await spawnServer({ DATABASE: join(dir, 'bench.sqlite'), DEMO_SIZE: '1' });
  const browser = await launchBrowser();
  const rows: [string, string | number, string, string?][] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.request.post(`${server.url}/api/session`, { data: { username: 'official', password: DEMO_PASSWORD } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-map-ready="true"]', { timeout: 120_000 });
    await page.click('[data-testid="heat-toggle"]');
    await page.waitForFunction(`window.__gridmap.map.querySourceFeatures('incident-heat').length > 1000`, undefined, { timeout: 120_000 });
    for (const view of VIEWS) {
      await onMap(page, `map.jumpTo(${JSON.stringify({ center: view.center, zoom: view.zoom })});`);
      await page.waitForFunction(`(() => { const m = window.__gridmap.map; return m.loaded() && !m.isMoving(); })()`);
      // Back to the start of the slider, then play.
      const slider = page.locator('[data-testid="heat-slider"]');
      const min = Number(await slider.getAttribute('min'));
      await page.evaluate(`(() => {
        const el = document.querySelector('[data-testid="heat-slider"]');
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '${min + 12}');
        el.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
      const from = Number(await slider.inputValue());
      await page.click('[data-testid="heat-play"]');
      const playing = await frameTimes(page, SAMPLE_MS);
      await page.click('[data-testid="heat-play"]');
      const weeks = Number(await slider.inputValue()) - from;
      const redraw = async (heat: 'visible' | 'none') => {
        await onMap(page, `map.setLayoutProperty('incident-heat', 'visibility', '${heat}'); map.repaint = true;`);
        const times = await frameTimes(page, SAMPLE_MS / 2);
        await onMap(page, 'map.repaint = false;');
        return times;
      };
      const withHeat = await redraw('visible');
      const without = await redraw('none');
      await onMap(page, `map.setLayoutProperty('incident-heat', 'visibility', 'visible');`);
      rows.push([`playback frame time, ${view.name}`, median(playing), 'ms', `${figures(playing)}; ${weeks} weeks in ${SAMPLE_MS / 1000} s`]);
      rows.push([`  full redraw with heat`, median(withHeat), 'ms', figures(withHeat)]);
      rows.push([`  full redraw without heat`, median(without), 'ms', `${figures(without)}; ratio with/without ${(median(withHeat) / median(without)).toFixed(2)}`]);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable('heat-map playback, full demo county, headless Chromium + SwiftShader (issue 4)', rows);
}

runWhenMain(import.meta.url, main);
