import type { AppDeps } from '../app.ts';
import { dataVersion } from '../db/data-version.ts';
import type { RequestSession } from '../http/app-env.ts';
import { sessionOfToken } from './session-context.ts';
import { TOUCH_EVERY_MS } from './sessions.ts';

/** Live sessions remembered at most; past it the memo starts again (only live sessions are kept, so made-up cookies cannot fill it). */
const SESSION_MEMO_ENTRIES = 10_000;

/**
 * sessionOfToken's answer per cookie token, remembered while nothing has written to the database
 * (dataVersion: this connection or another), before the session's end, and for at most
 * TOUCH_EVERY_MS. Within that a fresh lookup would read the same rows and decide the same: a
 * sign-out, a disabled account, a changed role or area are all writes; the idle limit cannot
 * pass, as the lookup found the session seen less than TOUCH_EVERY_MS before. It costs one
 * stamp query instead of a hash and three queries, which were two thirds of a warm tile. The
 * one difference: last_seen_at may be written up to TOUCH_EVERY_MS later, so a session idles
 * out that much sooner at most, never later.
 */
export function sessionMemo(deps: Pick<AppDeps, 'db' | 'config'>): (token: string | undefined) => RequestSession | null {
  const memo = new Map<string, { session: RequestSession; stamp: number; untilMs: number }>();
  return (token) => {
    if (!token) return null;
    const nowMs = deps.config.now().getTime();
    // Taken before the lookup: a write landing during it (or the lookup's own touch) makes the entry stale, not wrongly fresh.
    const stamp = dataVersion(deps.db);
    const hit = memo.get(token);
    if (hit && hit.stamp === stamp && nowMs < hit.untilMs) return hit.session;
    memo.delete(token);
    const session = sessionOfToken(deps, token);
    if (session) {
      if (memo.size >= SESSION_MEMO_ENTRIES) memo.clear();
      memo.set(token, { session, stamp, untilMs: Math.min(Date.parse(session.expiresAt), nowMs + TOUCH_EVERY_MS) });
    }
    return session;
  };
}
