import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './launch-browser.ts';
import { startServer, type RunningServer } from './start-server.ts';

/**
 * A real server over a small generated county (seed `seed`) and a Chromium, started together for
 * the calling file and stopped after it. Call at the top level; read `.server` and `.browser` in tests.
 */
export function useServerAndBrowser(seed?: number): { readonly server: RunningServer; readonly browser: Browser } {
  const holder = { server: undefined as unknown as RunningServer, browser: undefined as unknown as Browser };
  beforeAll(async () => {
    [holder.server, holder.browser] = await Promise.all([startServer(seed), launchBrowser()]);
  });
  afterAll(async () => {
    await holder.browser?.close();
    await holder.server?.stop();
  });
  return holder;
}

/** GET a path of the server and parse the JSON; throws on a non-2xx answer. */
export async function getJsonFrom<T>(server: RunningServer, path: string): Promise<T> {
  const res = await server.api.fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}
