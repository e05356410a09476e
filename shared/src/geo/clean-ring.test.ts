import { describe, expect, it } from 'vitest';
import { cleanRing } from './clean-ring.ts';
import { signedRingArea } from './ring-area.ts';
import { ringSelfIntersections } from './ring-self-intersections.ts';

describe('cleanRing', () => {
  it('drops consecutive duplicates and returns a closed counter-clockwise ring', () => {
    const clockwise = [[0, 0], [0, 1], [0, 1], [1, 1], [1, 0], [1, 0], [0, 0]];
    const ring = cleanRing(clockwise);
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(signedRingArea(ring)).toBe(1);
  });

  it('removes a zero-width spike, also one across the seam', () => {
    expect(cleanRing([[0, 0], [1, 0], [2, 0], [1, 0], [1, 1], [0, 1]])).toHaveLength(5);
    expect(cleanRing([[5, 0], [0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toHaveLength(5);
  });

  it('throws when fewer than three positions remain', () => {
    expect(() => cleanRing([[0, 0], [1, 1], [0, 0]])).toThrow(/at least 3/);
  });
});

describe('ringSelfIntersections', () => {
  it('finds nothing in a square and the crossing in a bow tie', () => {
    expect(ringSelfIntersections([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toEqual([]);
    expect(ringSelfIntersections([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])).toEqual([[0, 2]]);
  });

  it('finds a ring touching itself at a vertex', () => {
    const touching = [[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]];
    expect(ringSelfIntersections(touching).length).toBeGreaterThan(0);
  });
});
