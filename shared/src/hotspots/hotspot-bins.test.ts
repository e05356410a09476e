import { describe, expect, it } from 'vitest';
import { classifyHotspots } from './classify-hotspots.ts';
import { hotspotBin } from './hotspot-bins.ts';
import { neighbourhoodFromLists } from './neighbourhood.ts';
import { normalTwoSidedP } from './normal-p-value.ts';

describe('hotspotBin', () => {
  it('classes by sign of z and the confidence its p reaches', () => {
    expect(hotspotBin(3, 0.005)).toBe(3);
    expect(hotspotBin(2.2, 0.03)).toBe(2);
    expect(hotspotBin(1.7, 0.09)).toBe(1);
    expect(hotspotBin(1.2, 0.2)).toBe(0);
    expect(hotspotBin(-2.7, 0.007)).toBe(-3);
    expect(hotspotBin(-1.8, 0.07)).toBe(-1);
  });
});

describe('normalTwoSidedP', () => {
  it('gives the textbook critical values', () => {
    expect(normalTwoSidedP(1.644854)).toBeCloseTo(0.1, 6);
    expect(normalTwoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSidedP(2.575829)).toBeCloseTo(0.01, 6);
    expect(normalTwoSidedP(0)).toBeCloseTo(1, 6);
  });
});

describe('classifyHotspots', () => {
  // A ring of 20 cells, each neighbouring the next and previous; one burst of 30 at cells 0..2.
  const ring = neighbourhoodFromLists(Array.from({ length: 20 }, (_, i) => [(i + 19) % 20, (i + 1) % 20]));
  const counts = Array.from({ length: 20 }, (_, i) => (i <= 2 ? 30 : 1));

  it('finds the burst hot, judged by q with the FDR correction and by p without', () => {
    const withFdr = classifyHotspots(counts, ring, true);
    const without = classifyHotspots(counts, ring, false);
    expect(withFdr.bins[1]).toBe(3);
    expect(without.bins[1]).toBe(3);
    // Without correction more cells pass: every class with FDR is at most as strong.
    withFdr.bins.forEach((b, i) => expect(Math.abs(b)).toBeLessThanOrEqual(Math.abs(without.bins[i])));
    expect(withFdr.bins.slice(8, 14)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
