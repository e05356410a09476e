import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random.ts';
import { haversineMetres } from './haversine.ts';
import { buildPointCloud, forEachPointWithin } from './points-within.ts';

describe('forEachPointWithin', () => {
  it('visits exactly the points a haversine scan finds within the radius', () => {
    const random = new Random(3, 'points-within-test');
    const n = 3_000;
    const lon = Float64Array.from({ length: n }, () => 119.9 + random.next() * 0.6);
    const lat = Float64Array.from({ length: n }, () => 29.35 + random.next() * 0.6);
    const cloud = buildPointCloud(lon, lat);
    for (let q = 0; q < 300; q++) {
      const qLon = 119.85 + random.next() * 0.7;
      const qLat = 29.3 + random.next() * 0.7;
      const radius = random.next() * 8_000;
      const got: number[] = [];
      forEachPointWithin(cloud, qLon, qLat, radius, (i) => got.push(i));
      const want = [...lon.keys()].filter((i) => haversineMetres(qLon, qLat, lon[i], lat[i]) <= radius);
      expect(got.sort((a, b) => a - b)).toEqual(want);
    }
  });
});
