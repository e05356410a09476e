/** Failed sign-ins allowed for one username from one address before waits begin. */
export const FREE_FAILURES = 5;
/** The first wait after FREE_FAILURES, in ms; each further failure doubles it … */
const FIRST_WAIT_MS = 1_000;
/** … up to this, in ms. */
const MAX_WAIT_MS = 15 * 60_000;
/** A key's failures are forgotten this long after its last one, in ms. */
const FORGET_MS = 60 * 60_000;

interface Failures {
  count: number;
  lastMs: number;
}

/**
 * Slows guessing down: after FREE_FAILURES failed sign-ins for a username from an address, each
 * attempt must wait 1 s, 2 s, 4 s … (at most 15 min) after the last failure. Kept in memory: a
 * restart forgets, which costs an attacker a restart they cannot cause.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  /** Ms to wait before `key` may try again; 0 when it may now. */
  waitMs(key: string, nowMs: number): number {
    const f = this.failures.get(key);
    if (!f || f.count < FREE_FAILURES) return 0;
    const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (f.count - FREE_FAILURES));
    return Math.max(0, f.lastMs + wait - nowMs);
  }

  fail(key: string, nowMs: number): void {
    const f = this.failures.get(key);
    this.failures.set(key, { count: (f?.count ?? 0) + 1, lastMs: nowMs });
    if (this.failures.size > 10_000) this.forgetOld(nowMs);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private forgetOld(nowMs: number): void {
    for (const [key, f] of this.failures) if (nowMs - f.lastMs > FORGET_MS) this.failures.delete(key);
  }
}
