import { describe, expect, it } from 'vitest';
import { Random } from '@gridmap/shared/demo/random';
import { buildPointIndex, indexRows, pointsInBox } from './point-index.ts';
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
    expect(index).toMatchObject({ count: 0, cells: null });
  });
});

describe('pointsInBox', () => {
  it('finds exactly the points a scan of all of them finds, near and far apart, edges included', () => {
    const random = new Random(8, 'point-index');
    for (const spread of [0.01, 360]) {
      // Degrees of longitude the points spread over: a county, then the whole world (coarser cells).
      const lon = Array.from({ length: 5_000 }, () => 120 + (random.next() - 0.5) * Math.min(spread, 359));
      const lat = Array.from({ length: 5_000 }, () => 29 + (random.next() - 0.5) * Math.min(spread, 160));
      const index = buildPointIndex(lon, lat);
      for (let q = 0; q < 50; q++) {
        const [a, b] = [random.int(5_000), random.int(5_000)];
        const box = [Math.min(index.x[a], index.x[b]), Math.min(index.y[a], index.y[b]), Math.max(index.x[a], index.x[b]), Math.max(index.y[a], index.y[b])] as const;
        const scanned = lon.map((_, i) => i).filter((i) => index.x[i] >= box[0] && index.x[i] <= box[2] && index.y[i] >= box[1] && index.y[i] <= box[3]);
        expect(pointsInBox(index, ...box).sort((p, r) => p - r)).toEqual(scanned);
      }
    }
  });
});
