/** How scripts, benchmarks and tests talk to a running server: signed in, as every /api route but sign-in and health requires. */

import { DEMO_PASSWORD } from '@gridmap/shared/demo/demo-defaults';

export interface ApiSession {
  url: string;
  username: string;
  /** `Cookie` and `X-CSRF-Token` for this session, for clients that build their own requests (SSE, autocannon). */
  headers: Record<string, string>;
  /** fetch(url + path) with the session's cookie, and its CSRF token (writes need it). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** GET path and parse the JSON; throws with the status and body on a non-2xx answer. */
  getJson<T = unknown>(path: string): Promise<T>;
  /** Sends `body` as JSON with `method` (POST by default). */
  sendJson(path: string, body: unknown, method?: string): Promise<Response>;
}

/** Signs in at the server at `url` (POST /api/session) and returns a client bound to the session. */
export async function signIn(url: string, username = 'admin', password = DEMO_PASSWORD): Promise<ApiSession> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`signing in as ${username} at ${url}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrfToken };
  const send = (path: string, init: RequestInit = {}) => {
    const h = new Headers(init.headers);
    for (const [k, v] of Object.entries(headers)) if (!h.has(k)) h.set(k, v);
    return fetch(`${url}${path}`, { ...init, headers: h });
  };
  return {
    url,
    username,
    headers,
    fetch: send,
    async getJson<T>(path: string) {
      const r = await send(path);
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    sendJson: (path, body, method = 'POST') =>
      send(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
