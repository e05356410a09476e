import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random.ts';
import { buildGeoIndex, nearestNeighbours, nearestOne } from './geo-index.ts';
import { haversineMetres } from './haversine.ts';
import { nearestByScan } from './nearest-by-scan.ts';

/** A county-sized box (about Zhuji's), degrees. */
const BOX = { minLon: 119.9, minLat: 29.35, maxLon: 120.5, maxLat: 29.95 };

function randomPoints(random: Random, n: number, box = BOX) {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    lon: box.minLon + random.next() * (box.maxLon - box.minLon),
    lat: box.minLat + random.next() * (box.maxLat - box.minLat),
  }));
}

/** A query inside the box, on or just outside its edge, or well outside it. */
function randomQuery(random: Random): [number, number] {
  const r = random.next();
  const lon = BOX.minLon + random.next() * (BOX.maxLon - BOX.minLon);
  const lat = BOX.minLat + random.next() * (BOX.maxLat - BOX.minLat);
  if (r < 0.5) return [lon, lat];
  const nearEdge = (min: number, max: number) => (random.chance(0.5) ? min : max) + (random.next() - 0.5) * 0.01;
  if (r < 0.7) return [nearEdge(BOX.minLon, BOX.maxLon), lat];
  if (r < 0.9) return [lon, nearEdge(BOX.minLat, BOX.maxLat)];
  return [lon + (random.next() - 0.5) * 4, lat + (random.next() - 0.5) * 4];
}

describe('nearestNeighbours', () => {
  it('equals a brute-force haversine scan on 5,000 random queries, ties by id', () => {
    const random = new Random(7, 'geo-index-test');
    // 300 scattered points, plus 40 that repeat positions of others (exact ties, broken by id).
    const base = randomPoints(random, 300);
    const points = [...base, ...base.slice(0, 40).map((p, i) => ({ ...p, id: 1000 + i }))];
    const index = buildGeoIndex(points);
    for (let q = 0; q < 5_000; q++) {
      const [lon, lat] = randomQuery(random);
      const k = 1 + random.int(12);
      expect(nearestNeighbours(index, lon, lat, k)).toEqual(nearestByScan(index, lon, lat, k));
    }
  });

  it('finds the one nearest point as the scan does (nearestOne), ties by id, anywhere on the globe', () => {
    const random = new Random(17, 'geo-index-test');
    const base = randomPoints(random, 300);
    const points = [...base, ...base.slice(0, 40).map((p, i) => ({ ...p, id: 1000 + i }))];
    const index = buildGeoIndex(points);
    for (let q = 0; q < 5_000; q++) {
      const [lon, lat] = q % 10 === 0 ? [random.range(-180, 180), random.range(-90, 90)] : randomQuery(random);
      expect(nearestOne(index, lon, lat)).toEqual(nearestByScan(index, lon, lat, 1)[0]);
    }
    expect(nearestOne(buildGeoIndex([]), 120, 30)).toBeNull();
  });

  it('equals the scan under filters, also when fewer than k points pass', () => {
    const random = new Random(8, 'geo-index-test');
    const points = randomPoints(random, 500);
    const index = buildGeoIndex(points);
    let short = 0;
    for (let q = 0; q < 3_000; q++) {
      const [lon, lat] = randomQuery(random);
      // Keep a random share of the points, from none to all; some filters leave a handful.
      const keep = random.next() ** 3;
      const kept = new Set(points.filter(() => random.next() < keep).map((_, i) => i));
      const accept = (i: number) => kept.has(i);
      const k = 1 + random.int(10);
      const got = nearestNeighbours(index, lon, lat, k, accept);
      expect(got).toEqual(nearestByScan(index, lon, lat, k, accept));
      if (got.length < k) short++;
    }
    expect(short).toBeGreaterThan(100);
  });

  it('breaks ties of equal distance by id on a symmetric lattice', () => {
    // Points on a square around the query: several lie at exactly the same distance.
    const points = [];
    let id = 100;
    for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) points.push({ id: id--, lon: 120 + dx * 0.01, lat: dy * 0.01 });
    const index = buildGeoIndex(points);
    const got = nearestNeighbours(index, 120, 0, 9);
    expect(got).toEqual(nearestByScan(index, 120, 0, 9));
    const [, ...ring] = got;
    for (let i = 1; i < ring.length; i++) {
      if (ring[i].distanceM === ring[i - 1].distanceM) expect(ring[i].id).toBeGreaterThan(ring[i - 1].id);
    }
  });

  it('equals the scan for points and queries anywhere on the globe', () => {
    const random = new Random(9, 'geo-index-test');
    const world = { minLon: -180, minLat: -89, maxLon: 180, maxLat: 89 };
    const index = buildGeoIndex(randomPoints(random, 400, world));
    for (let q = 0; q < 1_000; q++) {
      const lon = -180 + random.next() * 360;
      const lat = -89 + random.next() * 178;
      expect(nearestNeighbours(index, lon, lat, 5)).toEqual(nearestByScan(index, lon, lat, 5));
    }
  });

  it('stops at maxDistanceM and returns distances in metres', () => {
    const index = buildGeoIndex([
      { id: 1, lon: 120, lat: 29 },
      { id: 2, lon: 120, lat: 29.01 },
      { id: 3, lon: 120, lat: 29.1 },
    ]);
    const got = nearestNeighbours(index, 120, 29, 10, undefined, 2_000);
    expect(got.map((n) => n.id)).toEqual([1, 2]);
    expect(got[1].distanceM).toBeCloseTo(1_111.95, 1);
    expect(got[1].distanceM).toBe(haversineMetres(120, 29, 120, 29.01));
  });

  it('answers nothing from an empty index or for k = 0', () => {
    expect(nearestNeighbours(buildGeoIndex([]), 120, 29, 3)).toEqual([]);
    expect(nearestNeighbours(buildGeoIndex([{ id: 1, lon: 120, lat: 29 }]), 120, 29, 0)).toEqual([]);
  });
});
