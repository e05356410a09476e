import { describe, expect, it } from 'vitest';
import { binomialUpperTail, poissonRateRiseP } from './poisson-rate-test.ts';

describe('poissonRateRiseP', () => {
  it('matches a hand computation: all 5 cases in the recent half of the time', () => {
    // Equal periods: under equal rates each of the 5 cases is recent with probability 1/2: (1/2)^5.
    expect(poissonRateRiseP(5, 0, 10, 10)).toBeCloseTo(1 / 32, 12);
  });

  it('matches a hand computation: 2 of 3 cases in a quarter of the time', () => {
    // p = 28 / (28 + 84) = 1/4; P(X ≥ 2) for Binomial(3, 1/4) = 3·(1/4)²·(3/4) + (1/4)³ = 9/64 + 1/64 = 10/64.
    expect(poissonRateRiseP(2, 1, 28, 84)).toBeCloseTo(10 / 64, 12);
  });

  it('is 1 when nothing happened recently', () => {
    expect(poissonRateRiseP(0, 12, 28, 364)).toBe(1);
  });

  it('stays a probability for counts in the thousands', () => {
    const p = binomialUpperTail(1500, 3000, 0.5);
    expect(p).toBeGreaterThan(0.49);
    expect(p).toBeLessThan(0.52);
  });
});
