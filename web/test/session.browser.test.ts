import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { openGuardedPage } from './support/launch-browser.ts';
import type { RunningServer } from './support/start-server.ts';
import { useServerAndBrowser } from './support/use-server-and-browser.ts';
import { waitForMapReady } from './map-page.ts';

// Signing in with the demo accounts: nothing but the sign-in page without a session, the UI
// offers what the role may do, and a signed-in write carries the session's CSRF token (the
// server refuses it otherwise).

const DEMO_PASSWORD = 'gridmap2026';
const env = useServerAndBrowser(13);
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

async function signIn(page: Page, username: string): Promise<void> {
  await page.waitForSelector('[data-testid="sign-in-page"]');
  await page.fill('[data-testid="sign-in-username"]', username);
  await page.fill('[data-testid="sign-in-password"]', DEMO_PASSWORD);
  await page.click('[data-testid="sign-in-submit"]');
  await page.waitForSelector('[data-testid="session-menu"]');
}

async function openNewestIncident(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="live-feed"] li button');
  await page.click('[data-testid="live-feed"] li button');
  await page.waitForSelector('[data-testid="incident-timeline"]');
}

describe('signing in', () => {
  it('opens on the sign-in page, refuses a wrong password, and shows a read-only official no report button and no steps', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, undefined, null);
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/')) apiCalls.push(path);
    });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="sign-in-page"]');
    expect(await page.textContent('[data-testid="sign-in-demo"]')).toContain('official');
    // Signed out, the page asks only who is signed in and whether the server is up: no county data.
    expect(new Set(apiCalls)).toEqual(new Set(['/api/session', '/api/health']));
    await page.fill('[data-testid="sign-in-username"]', 'official');
    await page.fill('[data-testid="sign-in-password"]', 'wrong-password');
    await page.click('[data-testid="sign-in-submit"]');
    expect(await page.textContent('[role="alert"]')).toBe(zhCN['session.failed']);
    await signIn(page, 'official');
    await waitForMapReady(page);
    expect(await page.textContent('[data-testid="session-menu"]')).toContain(zhCN['role.official']);
    await expect.poll(() => page.locator('[data-testid="new-report"]').count()).toBe(0);
    await openNewestIncident(page);
    expect(await page.locator('[data-testid="incident-actions"]').count()).toBe(0);
    expect(foreignRequests).toEqual([]);
    // Chromium logs the refused sign-in's 401 as a failed resource; nothing else may have gone wrong.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
  });

  it('lets the county command centre take a step, signed in, and sign out', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, undefined, null);
    await page.goto(server.url);
    await signIn(page, 'county');
    await waitForMapReady(page);
    expect(await page.locator('[data-testid="new-report"]').count()).toBe(1);
    // A fresh case to act on, reported by the signed-in page itself through the form's API.
    const created = await page.evaluate(async () => {
      const grids = await (await fetch('/api/areas?level=grid')).json();
      const { labelLon: lon, labelLat: lat } = grids.features[0].properties;
      const session = await (await fetch('/api/session')).json();
      const res = await fetch('/api/incidents', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ kind: 'debt', description: '借款到期未还', location: { lon, lat }, source: 'walk_in', severity: 1, actor: '测试' }),
      });
      return (await res.json()).id as number;
    });
    const line = page.locator(`[data-testid="live-feed"] li[data-incident-id="${created}"] button`);
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await line.first().click();
    await page.click('[data-transition="accept"]');
    await page.click('[data-testid="action-submit"]');
    await expect.poll(() => page.locator('[data-testid="incident-timeline"] li').count(), { timeout: 10_000 }).toBe(2);
    // The step is recorded under the account's name, not a typed one.
    expect(await page.textContent('[data-testid="incident-timeline"]')).toContain('市综治中心值班员');

    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('[data-testid="sign-in-page"]');
    expect(await page.locator('[data-testid="session-menu"]').count()).toBe(0);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
