import { BIN_PIXELS } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { BinPyramid, PYRAMID_MAX_ZOOM } from './bin-pyramid.ts';
import { mercatorX, mercatorY } from './mercator.ts';
import { buildPointIndex } from './point-index.ts';

/** A seeded pseudo-random sequence (mulberry32), so that the points are the same every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points clustered around a few seats in a 1° square near Zhuji. */
function points(n: number) {
  const next = random(7);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const seat = i % 5;
    lon.push(120 + seat * 0.2 + (next() - 0.5) * 0.1);
    lat.push(29.5 + seat * 0.1 + (next() - 0.5) * 0.1);
  }
  return buildPointIndex(lon, lat);
}

/** Bins of tile z/x/y straight from the points: count and open per bin key. */
function binsByHand(index: ReturnType<typeof points>, flag: (i: number) => boolean, z: number, x: number, y: number) {
  const perSide = 512 / BIN_PIXELS;
  const bins = new Map<number, { count: number; open: number }>();
  for (let i = 0; i < index.count; i++) {
    const bx = Math.floor(index.x[i] * 2 ** z * perSide) - x * perSide;
    const by = Math.floor(index.y[i] * 2 ** z * perSide) - y * perSide;
    if (bx < 0 || by < 0 || bx >= perSide || by >= perSide) continue;
    const bin = bins.get(by * perSide + bx) ?? { count: 0, open: 0 };
    bin.count++;
    if (flag(i)) bin.open++;
    bins.set(by * perSide + bx, bin);
  }
  return [...bins.entries()].sort(([a], [b]) => a - b).map(([key, bin]) => ({ key, ...bin }));
}

describe('BinPyramid', () => {
  const index = points(20_000);
  const open = (i: number) => i % 3 === 0;
  const pyramid = new BinPyramid(index, [open]);

  it('gives the same bins as binning the points, at every zoom it serves', () => {
    for (let z = 0; z <= PYRAMID_MAX_ZOOM; z++) {
      const x = Math.floor(mercatorX(120.4) * 2 ** z);
      const y = Math.floor(mercatorY(29.7) * 2 ** z);
      const bins = pyramid.bins(z, x, y)!;
      expect(bins.map((b) => ({ key: b.key, count: b.count, open: b.extra[0] })), `z${z}`).toEqual(binsByHand(index, open, z, x, y));
    }
  });

  it('keeps a tile to 64 × 64 bins at most, however many points lie under it', () => {
    const bins = pyramid.bins(6, Math.floor(mercatorX(120.4) * 64), Math.floor(mercatorY(29.7) * 64))!;
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(20_000);
    expect(bins.length).toBeLessThanOrEqual((512 / BIN_PIXELS) ** 2);
  });

  it('leaves closer zooms to the points', () => {
    expect(pyramid.bins(PYRAMID_MAX_ZOOM + 1, 0, 0)).toBeNull();
  });

  it('stays exact when a point is added and another changes its flag', () => {
    const copy = new BinPyramid(index, [open]);
    const [x, y] = [mercatorX(120.41), mercatorY(29.71)];
    copy.update(x, y, 1, [1]);
    copy.update(index.x[3], index.y[3], -1, [1]);
    copy.update(index.x[3], index.y[3], 1, [0]);
    for (const z of [3, 8, 11]) {
      const tx = Math.floor(x * 2 ** z);
      const ty = Math.floor(y * 2 ** z);
      const sum = (bins: ReturnType<BinPyramid['bins']>) => bins!.reduce((s, b) => [s[0] + b.count, s[1] + b.extra[0]], [0, 0]);
      const [count, openCount] = sum(copy.bins(z, tx, ty));
      const [count0, open0] = sum(pyramid.bins(z, tx, ty));
      const tile3 = Math.floor(index.x[3] * 2 ** z) === tx && Math.floor(index.y[3] * 2 ** z) === ty;
      expect(count, `z${z}`).toBe(count0 + 1);
      expect(openCount, `z${z}`).toBe(open0 + 1 - (tile3 ? 1 : 0));
    }
  });
});
