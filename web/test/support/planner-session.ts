import type { Page } from 'playwright-core';
import type { RunningServer } from './start-server.ts';

/** The demo accounts' password (server/src/auth/demo-accounts.ts). */
export const DEMO_PASSWORD = 'gridmap2026';

/** A JSON client of `server` signed in as a demo account: GET without a body, POST with one (cookie and CSRF token). */
export async function signedInClient(server: RunningServer, username = 'planner') {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${server.url}${path}`, body === undefined
      ? { headers: { cookie } }
      : { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
export type SignedInClient = Awaited<ReturnType<typeof signedInClient>>;

/** Signs the page in through the top bar's form as a demo account. */
export async function signInPage(page: Page, username = 'planner'): Promise<void> {
  await page.click('[data-testid="sign-in-open"]');
  await page.fill('[data-testid="sign-in-username"]', username);
  await page.fill('[data-testid="sign-in-password"]', DEMO_PASSWORD);
  await page.click('[data-testid="sign-in-submit"]');
  await page.waitForSelector('[data-testid="session-menu"]');
}
