import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';

describe('apportion', () => {
  it('splits a total in proportion and sums to it exactly', () => {
    expect(apportion(10, [1, 1, 2], 1, [9, 9, 9])).toEqual([3, 2, 5]);
    expect(apportion(7, [5, 0, 0], 1, [9, 9, 9])).toEqual([5, 1, 1]);
  });

  it('respects the caps and throws when they cannot hold the total', () => {
    expect(apportion(6, [10, 1], 1, [2, 9])).toEqual([2, 4]);
    expect(() => apportion(20, [1, 1], 1, [5, 5])).toThrow(/Cannot split/);
  });
});
