import type { AccountRole } from '@gridmap/shared';
import type { createApp } from '../app.ts';
import { CSRF_HEADER } from '../auth/session-context.ts';
import { openSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { insertAccount } from '../db/accounts-sql.ts';
import type { Db } from '../db/open-db.ts';

// Signed-in apps for tests and in-process benchmarks (no vitest here, so benchmarks can import it).

type App = ReturnType<typeof createApp>;

export interface TestSession {
  accountId: number;
  username: string;
  token: string;
  csrfToken: string;
  /** `Cookie` and `X-CSRF-Token` headers for this session. */
  headers: Record<string, string>;
}

/**
 * An account of `role` scoped to `areaId` (default: the root of the area tree, or the whole
 * database while it has no areas) with an open
 * session, made directly in the database: tests that are not about signing in skip the password
 * round (scrypt costs tens of milliseconds) but get a real session row and cookie.
 */
export function openTestSession(db: Db, role: AccountRole, now: Date, areaId?: number, username = `test-${role}-${areaId ?? 'root'}`): TestSession {
  const area = areaId ?? (db.prepare('SELECT id FROM areas WHERE parent_id IS NULL ORDER BY id LIMIT 1').pluck().get() as number | undefined) ?? null;
  const existing = db.prepare('SELECT id FROM accounts WHERE username = ?').pluck().get(username) as number | undefined;
  const accountId = existing ?? insertAccount(db, { username, displayName: username, role, areaId: area, passwordHash: 'none:no-password' }, now);
  const { token, csrfToken } = openSession(db, accountId, now);
  return { accountId, username, token, csrfToken, headers: { Cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken } };
}

/** `app` whose request() and fetch() carry `session`'s cookie and CSRF token unless a request sets its own Cookie. */
export function signedIn(app: App, session: TestSession): App {
  const withSession = (input: string | Request | URL, init?: RequestInit): [string | Request | URL, RequestInit | undefined] => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (headers.has('Cookie')) return [input, init];
    for (const [k, v] of Object.entries(session.headers)) headers.set(k, v);
    return [input, { ...init, headers }];
  };
  return new Proxy(app, {
    get(target, prop, receiver) {
      if (prop === 'request') {
        return (input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) =>
          (target.request as (...a: unknown[]) => unknown)(...withSession(input, init), ...rest);
      }
      if (prop === 'fetch') {
        return (request: Request, ...rest: unknown[]) => {
          if (request.headers.has('Cookie')) return (target.fetch as (...a: unknown[]) => unknown)(request, ...rest);
          const headers = new Headers(request.headers);
          for (const [k, v] of Object.entries(session.headers)) headers.set(k, v);
          return (target.fetch as (...a: unknown[]) => unknown)(new Request(request, { headers }), ...rest);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as App;
}
