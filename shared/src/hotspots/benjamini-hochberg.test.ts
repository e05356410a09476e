import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.ts';

describe('benjaminiHochberg', () => {
  it('matches a hand computation on four p-values', () => {
    // Sorted: 0.01 (rank 1), 0.03 (2), 0.04 (3), 0.2 (4); m = 4. p·m/rank: 0.04, 0.06, 0.0533, 0.2.
    // Minimum from the top down: rank 4 → 0.2, rank 3 → 0.0533, rank 2 → min(0.06, 0.0533) = 0.0533,
    // rank 1 → min(0.04, 0.0533) = 0.04. Back in input order [0.01, 0.04, 0.03, 0.2]:
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(Array.from(q)).toEqual([0.04, 0.16 / 3, 0.16 / 3, 0.2].map((v) => expect.closeTo(v, 12)));
  });

  it('never raises a q-value above 1 nor below its p-value', () => {
    const p = [0.9, 0.95, 0.99, 0.5];
    const q = benjaminiHochberg(p);
    q.forEach((qi, i) => {
      expect(qi).toBeLessThanOrEqual(1);
      expect(qi).toBeGreaterThanOrEqual(p[i]);
    });
  });
});
