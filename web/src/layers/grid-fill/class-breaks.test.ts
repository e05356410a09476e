import { describe, expect, it } from 'vitest';
import { classColours, classRanges, quantileBreaks } from './class-breaks.ts';

describe('quantileBreaks', () => {
  it('splits evenly spread values into classes of equal size', () => {
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([3, 5, 7]);
  });

  it('does not depend on the order of the values', () => {
    expect(quantileBreaks([8, 1, 7, 2, 6, 3, 5, 4], 4)).toEqual([3, 5, 7]);
  });

  it('gives skewed data non-empty classes, the common low value one of its own', () => {
    const mostlyZero = [0, 0, 0, 0, 0, 0, 0, 1, 2, 9];
    expect(quantileBreaks(mostlyZero, 5)).toEqual([1, 2, 9]);
  });

  it('returns fewer breaks when there are fewer distinct values than classes', () => {
    expect(quantileBreaks([0, 0, 0, 5, 5], 5)).toEqual([5]);
  });

  it('returns no break when every value is the same or there are none', () => {
    expect(quantileBreaks([4, 4, 4], 5)).toEqual([]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('ignores values that are not finite', () => {
    expect(quantileBreaks([1, Number.NaN, 2, 3, 4], 2)).toEqual([3]);
  });

  it('rejects a class count below one, naming it', () => {
    expect(() => quantileBreaks([1, 2], 0)).toThrow('Invalid class count: 0');
  });
});

describe('classColours', () => {
  const palette = ['a', 'b', 'c', 'd', 'e'];

  it('keeps the lightest and darkest colours for the end classes', () => {
    expect(classColours(palette, 3)).toEqual(['a', 'c', 'e']);
    expect(classColours(palette, 5)).toEqual(palette);
  });

  it('uses a middle colour for a single class', () => {
    expect(classColours(palette, 1)).toEqual(['c']);
  });
});

describe('classRanges', () => {
  it('turns breaks into inclusive integer ranges with an open top class', () => {
    expect(classRanges(0, [10, 20], ['x', 'y', 'z'])).toEqual([
      { from: 0, to: 9, colour: 'x' },
      { from: 10, to: 19, colour: 'y' },
      { from: 20, to: null, colour: 'z' },
    ]);
  });
});
