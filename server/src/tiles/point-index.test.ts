import { describe, expect, it } from 'vitest';
import { indexRows, pointsInBox } from './point-index.ts';
import { mercatorX, mercatorY } from './mercator.ts';

describe('indexRows', () => {
  it('indexes every row and hands each to the caller with its index', () => {
    const ids: number[] = [];
    const index = indexRows(3, [[10, 120, 29], [11, 120.1, 29.1], [12, 120.2, 29.2]] as const, ([id], i) => {
      ids[i] = id;
    });
    expect(ids).toEqual([10, 11, 12]);
    expect(index.count).toBe(3);
    expect(pointsInBox(index, mercatorX(120.05), mercatorY(29.15), mercatorX(120.15), mercatorY(29.05))).toEqual([1]);
  });

  it('stops at the count, leaving a row written after it to the next rebuild', () => {
    const seen: number[] = [];
    const index = indexRows(1, [[1, 120, 29, 'a'], [2, 121, 30, 'b']] as const, ([id]) => seen.push(id));
    expect(seen).toEqual([1]);
    expect(index.count).toBe(1);
  });

  it('indexes fewer rows than counted when some were deleted since', () => {
    const index = indexRows(5, [[1, 120, 29]] as const, () => {});
    expect(index.count).toBe(1);
    expect(index.x).toHaveLength(1);
  });

  it('builds an empty index from no rows', () => {
    const index = indexRows(0, [], () => {});
    expect(index).toMatchObject({ count: 0, tree: null });
  });
});
