import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, SignInThrottle } from './sign-in-throttle.ts';

describe('the sign-in throttle', () => {
  it('lets a few failures pass, then makes each attempt wait twice as long', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect(throttle.waitMs('u|ip', 0)).toBe(0);
      throttle.fail('u|ip', 0);
    }
    expect(throttle.waitMs('u|ip', 0)).toBe(1_000);
    expect(throttle.waitMs('u|ip', 1_000)).toBe(0);
    throttle.fail('u|ip', 1_000);
    expect(throttle.waitMs('u|ip', 1_000)).toBe(2_000);
    expect(throttle.waitMs('other|ip', 1_000)).toBe(0);
  });

  it('forgets the failures after a success', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < FREE_FAILURES + 3; i++) throttle.fail('u|ip', 0);
    throttle.succeed('u|ip');
    expect(throttle.waitMs('u|ip', 0)).toBe(0);
  });
});
