import { signIn } from '../../../scripts/lib/api-session.ts';
import type { RunningServer } from './start-server.ts';

/**
 * A JSON client of `server` signed in as a demo account (the planner by default, so that plans
 * are recorded under its name): GET without a body, POST with one; throws on a non-2xx answer.
 */
export async function signedInClient(server: RunningServer, username = 'planner') {
  const session = await signIn(server.url, username);
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const r = body === undefined ? await session.fetch(path) : await session.sendJson(path, body);
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
export type SignedInClient = Awaited<ReturnType<typeof signedInClient>>;
