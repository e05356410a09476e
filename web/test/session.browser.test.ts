import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { launchBrowser, openGuardedPage } from './support/launch-browser.ts';
import { startServer, type RunningServer } from './support/start-server.ts';
import { waitForMapReady } from './map-page.ts';

// Signing in with the demo accounts: the UI offers what the role may do, and a signed-in write
// carries the session's CSRF token (the server refuses it otherwise).

const DEMO_PASSWORD = 'gridmap2026';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(13), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.click('[data-testid="sign-in-open"]');
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
  it('shows a read-only official no report button and no steps', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser);
    await page.goto(server.url);
    await waitForMapReady(page);
    expect(await page.locator('[data-testid="new-report"]').count()).toBe(1);
    await signIn(page, 'official');
    expect(await page.textContent('[data-testid="session-menu"]')).toContain(zhCN['role.official']);
    await expect.poll(() => page.locator('[data-testid="new-report"]').count()).toBe(0);
    await openNewestIncident(page);
    expect(await page.locator('[data-testid="incident-actions"]').count()).toBe(0);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets the county command centre take a step, signed in, and sign out', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser);
    await page.goto(server.url);
    await waitForMapReady(page);
    await signIn(page, 'county');
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
    await page.waitForSelector('[data-testid="sign-in-open"]');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
