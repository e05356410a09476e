import { DEMO_PASSWORD } from '@gridmap/shared/demo/demo-defaults';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; no browser download works here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless, no GPU: WebGL through SwiftShader. The background-networking flags keep Chromium
// itself from calling out, so that the only requests are the page's own.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface GuardedPage {
  page: Page;
  /** Requests to a host that is not local: the app must make none. */
  foreignRequests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A page that records (and blocks) every request to a non-local host and every console error,
 * signed in at `server` as `username` (a demo account; null: not signed in, the sign-in page).
 */
export async function openGuardedPage(
  browser: Browser,
  server: { url: string },
  viewport = { width: 1440, height: 900 },
  username: string | null = 'admin',
): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (username !== null) {
    // The context's request client shares the browser's cookie jar: the page opens signed in.
    const res = await context.request.post(`${server.url}/api/session`, { data: { username, password: DEMO_PASSWORD } });
    if (res.status() !== 200) throw new Error(`signing in as ${username}: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname);
    if (local) return route.continue();
    foreignRequests.push(url.href);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { page, foreignRequests, errors };
}
