import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, type ApiSession } from '../../../scripts/lib/api-session.ts';
import { spawnServer } from '../../../scripts/lib/spawn-server.ts';

/** Size of the county the browser tests run on (1 = the full demo); small keeps seeding quick. */
export const TEST_COUNTY_SIZE = 0.03;

export interface RunningServer {
  url: string;
  /** Signed in as the demo administrator, for the tests' own requests. */
  api: ApiSession;
  stop(): Promise<void>;
}

/**
 * Starts the real server as a child process on a free port, over a new SQLite file seeded with a
 * small generated county, serving the built web app.
 */
export async function startServer(seed = 7, env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-browser-'));
  const server = await spawnServer({
    DATABASE: join(dir, 'test.sqlite'),
    DEMO_SIZE: String(TEST_COUNTY_SIZE),
    DEMO_SEED: String(seed),
    ...env,
  });
  return {
    url: server.url,
    api: await signIn(server.url, 'admin'),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
