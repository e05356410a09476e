import { describe, expect, it } from 'vitest';
import { giStar } from './gi-star.ts';
import { neighbourhoodFromLists } from './neighbourhood.ts';

// Four cells in a row, 0–1–2–3, each neighbouring the next: the smallest case worth doing by hand.
const path4 = neighbourhoodFromLists([[1], [0, 2], [1, 3], [2]]);

describe('giStar', () => {
  it('matches a hand computation on four cells in a row', () => {
    // x = [0, 0, 0, 4], n = 4: x̄ = 1, Σx² = 16, S = √(16/4 − 1²) = √3.
    // Cell 3: W = 2 (itself and cell 2), local sum 0 + 4 = 4; numerator 4 − 1·2 = 2;
    //   denominator √3 · √((4·2 − 2²)/3) = √3 · √(4/3) = 2, so z = 1.
    // Cell 2: W = 3, local 0 + 0 + 4 = 4, numerator 4 − 3 = 1; denominator √3 · √((12 − 9)/3) = √3: z = 1/√3.
    // Cell 1: W = 3, local 0, numerator −3, denominator √3: z = −√3.
    // Cell 0: W = 2, local 0, numerator −2, denominator 2: z = −1.
    const { z, p, mean, sd } = giStar(Float64Array.of(0, 0, 0, 4), path4);
    expect(mean).toBe(1);
    expect(sd).toBeCloseTo(Math.sqrt(3), 12);
    expect(Array.from(z)).toEqual([-1, -Math.sqrt(3), 1 / Math.sqrt(3), 1].map((v) => expect.closeTo(v, 12)));
    // Two-sided p of |z| = 1 is 2(1 − Φ(1)) = 0.317311; of √3, 0.083265.
    expect(p[3]).toBeCloseTo(0.317311, 5);
    expect(p[1]).toBeCloseTo(0.083265, 5);
  });

  it('gives z = 0 and p = 1 everywhere when every count is the same', () => {
    const { z, p } = giStar(Float64Array.of(3, 3, 3, 3), path4);
    expect(Array.from(z)).toEqual([0, 0, 0, 0]);
    expect(Array.from(p)).toEqual([1, 1, 1, 1]);
  });

  it('gives z = 0 to a cell whose neighbourhood is the whole study area', () => {
    // Cell 1 of a star 0–1–2 sees all three cells: its local sum is the total, no information.
    const star = neighbourhoodFromLists([[1], [0, 2], [1]]);
    expect(giStar(Float64Array.of(5, 0, 1), star).z[1]).toBe(0);
  });

  it('throws when values and cells differ in number', () => {
    expect(() => giStar([1, 2], path4)).toThrow(/2 values for 4 cells/);
  });
});
