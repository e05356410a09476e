import { BIN_PIXELS, MAX_FEATURES_PER_TILE, TILE_EXTENT } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { mercatorLat, mercatorLon } from './mercator.ts';
import { buildPointIndex } from './point-index.ts';
import { tileFeatures, type TileLayerSource } from './tile-features.ts';

/** `n` points spread over tile z/x/y on a regular lattice (inside, away from the edges). */
function pointsInTile(n: number, z: number, x: number, y: number): TileLayerSource {
  const side = Math.ceil(Math.sqrt(n));
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const fx = ((i % side) + 0.5) / side;
    const fy = (Math.floor(i / side) + 0.5) / side;
    lon.push(mercatorLon((x + fx) / 2 ** z));
    lat.push(mercatorLat((y + fy) / 2 ** z));
  }
  return {
    index: buildPointIndex(lon, lat),
    pointMinZoom: 14,
    id: (i) => i + 1,
    tags: (i) => ({ id: i + 1 }),
  };
}

describe('tileFeatures', () => {
  it('gives one feature per point at and above the point zoom', () => {
    const features = tileFeatures(pointsInTile(100, 16, 100, 200), 16, 100, 200);
    expect(features).toHaveLength(100);
    expect(features.every((f) => f.id !== undefined && f.tags.id === f.id)).toBe(true);
    for (const f of features) {
      const [[px, py]] = f.geometry as [number, number][];
      expect(px).toBeGreaterThan(0);
      expect(px).toBeLessThan(TILE_EXTENT);
      expect(py).toBeGreaterThan(0);
      expect(py).toBeLessThan(TILE_EXTENT);
    }
  });

  it('falls back to bins when a point tile would exceed MAX_FEATURES_PER_TILE', () => {
    const n = MAX_FEATURES_PER_TILE + 1;
    const features = tileFeatures(pointsInTile(n, 16, 100, 200), 16, 100, 200);
    const binsPerSide = 512 / BIN_PIXELS;
    expect(features.length).toBeLessThanOrEqual(binsPerSide * binsPerSide);
    expect(features.reduce((s, f) => s + (f.tags.count as number), 0)).toBe(n);
  });

  it('bins below the point zoom, each bin at the mean of its points', () => {
    const source = pointsInTile(4, 10, 5, 6);
    const features = tileFeatures(source, 10, 5, 6);
    // a 2×2 lattice at the quarters of the tile: four bins of one point each
    expect(features).toHaveLength(4);
    expect(features.map((f) => f.geometry[0])).toEqual([
      [1024, 1024],
      [3072, 1024],
      [1024, 3072],
      [3072, 3072],
    ]);
  });

  it('puts a point on a shared tile edge in exactly one tile', () => {
    const z = 10;
    const source: TileLayerSource = {
      index: buildPointIndex([mercatorLon(6 / 2 ** z)], [mercatorLat(6.5 / 2 ** z)]),
      pointMinZoom: 14,
      id: () => 1,
      tags: () => ({}),
    };
    const left = tileFeatures(source, z, 5, 6);
    const right = tileFeatures(source, z, 6, 6);
    expect(left.length + right.length).toBe(1);
  });
});
