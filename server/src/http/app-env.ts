/** Hono's environment for this app: what middleware leaves on the context. */
import type { Account } from '@gridmap/shared';

/** The signed-in session of a request (see auth/session-context.ts). */
export interface RequestSession {
  account: Account;
  csrfToken: string;
  expiresAt: string;
  /** The cookie's token, to close the session on sign-out. */
  token: string;
  /** Whether the account's area is the root of the area tree (its scope is everything). */
  scopeIsRoot: boolean;
}

export interface AppEnv {
  Variables: {
    /** Null without a (live) session cookie. */
    session: RequestSession | null;
    /** Correlates an error body and the server log; also sent as X-Request-Id. */
    requestId: string;
  };
}
