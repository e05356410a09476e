import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { openGuardedPage } from './support/launch-browser.ts';
import type { RunningServer } from './support/start-server.ts';
import { useServerAndBrowser } from './support/use-server-and-browser.ts';
import { waitForMapReady } from './map-page.ts';

// The audit page (issue 9): the administrator opens it from the session menu and finds the view
// of personal data made a moment before; other roles are not offered it.

const env = useServerAndBrowser(19);
let server: RunningServer;
let browser: Browser;
beforeAll(() => ({ server, browser } = env));

describe('the audit page', () => {
  it('shows the administrator the view of personal data made just before, newest first', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, undefined, 'admin');
    await page.goto(server.url);
    await waitForMapReady(page);
    // A case with a named party, reported through the API as the intake form does.
    const created = await page.evaluate(async () => {
      const grids = await (await fetch('/api/areas?level=grid')).json();
      const { labelLon: lon, labelLat: lat } = grids.features[0].properties;
      const session = await (await fetch('/api/session')).json();
      const res = await fetch('/api/incidents', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          kind: 'neighbour', description: '楼上漏水', location: { lon, lat }, source: 'walk_in', severity: 1, actor: '测试',
          parties: [{ name: '王小二', role: 'applicant', phone: '13812345678' }],
        }),
      });
      return (await res.json()).id as number;
    });
    // Opening the case shows its parties in full to the administrator: that view is audited.
    const line = page.locator(`[data-testid="live-feed"] li[data-incident-id="${created}"] button`);
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await line.first().click();
    await page.waitForSelector('[data-testid="incident-timeline"]');
    await expect.poll(() => page.textContent('.detail-panel')).toContain('王小二');

    await page.click('[data-testid="open-audit"]');
    await page.waitForSelector('[data-testid="audit-line"]');
    const first = page.locator('[data-testid="audit-line"]').first();
    expect(await first.textContent()).toContain(zhCN['audit.action.view_personal']);
    expect(await first.textContent()).toContain(zhCN['audit.target.incident'].replace('{id}', String(created)));
    expect(await first.textContent()).toContain('admin');
    // Narrowed to sign-ins, the view is gone and the administrator's sign-in is there.
    await page.selectOption('[data-testid="audit-action"]', 'sign_in');
    await page.click('[data-testid="audit-apply"]');
    await expect.poll(async () => (await page.locator('[data-testid="audit-line"]').allTextContents()).every((text) => text.includes(zhCN['audit.action.sign_in']))).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is not offered to the county command centre', async () => {
    const { page, foreignRequests, errors } = await openGuardedPage(browser, server, undefined, 'county');
    await page.goto(`${server.url}/#audit`);
    await waitForMapReady(page);
    await page.waitForSelector('[data-testid="session-menu"]');
    expect(await page.locator('[data-testid="open-audit"]').count()).toBe(0);
    expect(await page.locator('[data-testid="audit-page"]').count()).toBe(0);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
