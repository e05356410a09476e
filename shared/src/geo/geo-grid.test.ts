import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random.ts';
import { buildGeoGrid, GEO_GRID_MARGIN_DEG, gridCovers, nearestInGrid } from './geo-grid.ts';
import { buildGeoIndex, nearestOne, type GeoIndex, type Neighbour } from './geo-index.ts';
import { haversineMetres } from './haversine.ts';
import { nearestByScan } from './nearest-by-scan.ts';

/** nearestByScan(index, lon, lat, 1)[0] without sorting every point: a brute-force scan that keeps the least (distance, id). */
function scanOne(index: GeoIndex, lon: number, lat: number): Neighbour {
  let best: Neighbour = { index: -1, id: Infinity, distanceM: Infinity };
  for (let i = 0; i < index.count; i++) {
    const d = haversineMetres(lon, lat, index.lon[i], index.lat[i]);
    if (d < best.distanceM || (d === best.distanceM && index.ids[i] < best.id)) best = { index: i, id: index.ids[i], distanceM: d };
  }
  return best;
}

/** A province-sized box (about Zhejiang's), degrees. */
const PROVINCE = { minLon: 118.03, minLat: 27.14, maxLon: 122.84, maxLat: 31.18 };

/**
 * Points as a province's mediation points lie: clustered at town and county seats (several at
 * one spot, ids apart), a scatter of committees between, and empty stretches (the sea).
 */
function clusteredPoints(random: Random, seats: number) {
  const points: { id: number; lon: number; lat: number }[] = [];
  let id = 1;
  for (let s = 0; s < seats; s++) {
    const lon = random.range(PROVINCE.minLon, PROVINCE.minLon + 0.7 * (PROVINCE.maxLon - PROVINCE.minLon));
    const lat = random.range(PROVINCE.minLat, PROVINCE.maxLat);
    const atSeat = 1 + random.int(4);
    for (let k = 0; k < atSeat; k++) points.push({ id: id++ * 7 % 10_007, lon, lat });
    if (random.chance(0.5)) points.push({ id: id++ * 7 % 10_007, lon: lon + random.range(-0.05, 0.05), lat: lat + random.range(-0.05, 0.05) });
  }
  return points;
}

/** Inside the box, at its edges and corners, in the grid's margin, and beyond it. */
function provinceQuery(random: Random): [number, number] {
  const r = random.next();
  const lon = random.range(PROVINCE.minLon, PROVINCE.maxLon), lat = random.range(PROVINCE.minLat, PROVINCE.maxLat);
  const edge = (min: number, max: number) => (random.chance(0.5) ? min : max) + random.range(-0.02, 0.02);
  if (r < 0.5) return [lon, lat];
  if (r < 0.65) return [edge(PROVINCE.minLon, PROVINCE.maxLon), lat];
  if (r < 0.8) return [lon, edge(PROVINCE.minLat, PROVINCE.maxLat)];
  if (r < 0.85) return [edge(PROVINCE.minLon, PROVINCE.maxLon), edge(PROVINCE.minLat, PROVINCE.maxLat)];
  if (r < 0.95) return [lon + random.range(-1.5, 1.5) * GEO_GRID_MARGIN_DEG, lat + random.range(-1.5, 1.5) * GEO_GRID_MARGIN_DEG];
  return [random.range(-180, 180), random.range(-89, 89)];
}

describe('nearestInGrid', () => {
  it('finds the point a brute-force great-circle scan finds, ties by id, over 10,000 places in and around a province', () => {
    const random = new Random(11, 'geo-grid-test');
    const index = buildGeoIndex(clusteredPoints(random, 1_500));
    expect(index.grid).not.toBeNull();
    let byGrid = 0;
    const wrong: string[] = [];
    for (let q = 0; q < 10_000; q++) {
      const [lon, lat] = provinceQuery(random);
      if (gridCovers(index.grid!, lon, lat)) byGrid++;
      const got = nearestOne(index, lon, lat)!, want = scanOne(index, lon, lat);
      if (got.index !== want.index || got.id !== want.id || got.distanceM !== want.distanceM) wrong.push(`${lon}, ${lat}`);
    }
    expect(wrong).toEqual([]);
    expect(byGrid).toBeGreaterThan(9_000);
  });

  it('agrees with the scan where two points are equidistant or nearly so', () => {
    const random = new Random(12, 'geo-grid-test');
    const points = clusteredPoints(random, 400);
    const index = buildGeoIndex(points);
    for (let q = 0; q < 10_000; q++) {
      // A place on (or a hair off) the perpendicular bisector of two points: both at about the same distance.
      const a = random.pick(points), b = random.pick(points);
      const t = random.range(-3, 3);
      const nudge = random.pick([0, 0, 1e-12, -1e-12, 1e-9, 1e-7]);
      const lon = (a.lon + b.lon) / 2 - t * (b.lat - a.lat) + nudge;
      const lat = (a.lat + b.lat) / 2 + t * (b.lon - a.lon) * Math.cos((a.lat * Math.PI) / 180) - nudge;
      expect(nearestOne(index, lon, lat), `${lon}, ${lat}`).toEqual(scanOne(index, lon, lat));
    }
  });

  it('breaks exact ties by id on a symmetric lattice around the query', () => {
    const points = [];
    let id = 100;
    for (let dx = -3; dx <= 3; dx++) for (let dy = -3; dy <= 3; dy++) points.push({ id: id--, lon: 120 + dx * 0.01, lat: 30 + dy * 0.01 });
    const index = buildGeoIndex(points);
    for (const [lon, lat] of [[120, 30], [120.005, 30], [120.005, 30.005], [120.015, 29.985], [119.97, 30.03]]) {
      expect(nearestOne(index, lon, lat)).toEqual(nearestByScan(index, lon, lat, 1)[0]);
    }
  });

  it('answers for points on one spot, on one line, or alone, and leaves points spread over half the globe to the KD-tree', () => {
    const random = new Random(13, 'geo-grid-test');
    const spot = Array.from({ length: 20 }, (_, i) => ({ id: 50 - i, lon: 120.2, lat: 29.7 }));
    const line = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, lon: 120 + i * 0.01, lat: 29.5 }));
    const alone = [{ id: 9, lon: 121, lat: 30 }];
    for (const points of [spot, line, alone]) {
      const index = buildGeoIndex(points);
      expect(index.grid).not.toBeNull();
      for (let q = 0; q < 500; q++) {
        const lon = random.range(118, 123), lat = random.range(27, 32);
        expect(nearestInGrid(index.grid!, lon, lat)).toEqual(nearestByScan(index, lon, lat, 1)[0]);
      }
    }
    const wide = [{ id: 1, lon: -100, lat: 40 }, { id: 2, lon: 120, lat: 30 }];
    expect(buildGeoGrid(new Float64Array([1, 2]), new Float64Array([-100, 120]), new Float64Array([40, 30]), 2)).toBeNull();
    expect(nearestOne(buildGeoIndex(wide), 170, 35)?.id).toBe(2);
  });
});
