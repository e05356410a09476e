import { describe, expect, it } from 'vitest';
import { Random, WeightedSampler } from './random.ts';

describe('Random', () => {
  it('repeats its sequence for the same seed and stream, and differs across streams', () => {
    const a = new Random(1, 'x'), b = new Random(1, 'x'), c = new Random(1, 'y');
    const take = (r: Random) => Array.from({ length: 5 }, () => r.next());
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('samples indices in proportion to their weights', () => {
    const sampler = new WeightedSampler([1, 0, 3]);
    const random = new Random(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[sampler.sample(random)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.5);
    expect(counts[2] / counts[0]).toBeLessThan(3.5);
  });
});
