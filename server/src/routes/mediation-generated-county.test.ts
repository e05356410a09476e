import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { Random } from '@gridmap/shared/demo/random';
import { haversineMetres } from '@gridmap/shared/geo/haversine';
import { isOpenAt } from '@gridmap/shared/mediation/open-at';
import { AREA_LEVELS, INCIDENT_KINDS, coverageSchema, nearestMediationCollectionSchema, type CountyData } from '@gridmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { createTestApp, getJson, type TestApp } from '../test/test-app.ts';

/** Scale of the generated county: ~2% of the full demo; its mediation points are placed as in the full one. */
const TEST_SIZE = 0.02;
const NOW = '2026-01-01T00:00:00.000Z';
const QUERIES = 1_500;

let data: CountyData;
let t: TestApp;
beforeAll(async () => {
  data = await generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: TEST_SIZE, now: NOW });
  t = createTestApp(data, NOW);
});
afterAll(() => t?.close());

describe('nearest mediation over a generated county', () => {
  it('answers every query as a brute-force haversine search over all points does, near the border too', async () => {
    const random = new Random(5, 'nearest-http-test');
    const county = data.areas[0].geometry;
    const ring = county.type === 'Polygon' ? county.coordinates[0] : county.coordinates[0][0];
    const [minLon, minLat, maxLon, maxLat] = ring.reduce(
      ([a, b, c, d], [x, y]) => [Math.min(a, x), Math.min(b, y), Math.max(c, x), Math.max(d, y)],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    let short = 0;
    for (let q = 0; q < QUERIES; q++) {
      // Half the places a step from a vertex of the county outline (in or out), half anywhere in its box.
      const [lon, lat] = random.chance(0.5)
        ? random.pick(ring).map((v) => v + (random.next() - 0.5) * 0.02)
        : [minLon + random.next() * (maxLon - minLon), minLat + random.next() * (maxLat - minLat)];
      const k = 1 + random.int(8);
      const disputeKind = random.chance(0.6) ? random.pick(INCIDENT_KINDS) : undefined;
      const level = random.chance(0.3) ? random.pick(AREA_LEVELS) : undefined;
      const openAt = random.chance(0.3) ? '2026-01-03T23:30:00+08:00' : undefined; // a Saturday night
      const params = new URLSearchParams({ lon: String(lon), lat: String(lat), k: String(k) });
      if (disputeKind) params.set('disputeKind', disputeKind);
      if (level) params.set('level', level);
      if (openAt) params.set('openAt', openAt);
      const { status, body } = await getJson(t.app, `/api/mediation-points/nearest?${params}`);
      expect(status).toBe(200);
      const got = nearestMediationCollectionSchema.parse(body).features.map((f) => [f.id, f.properties.distanceM]);
      const want = data.mediationPoints
        .filter((p) => (!disputeKind || p.disputeKinds.includes(disputeKind)) && (!level || p.level === level))
        .filter((p) => !openAt || isOpenAt(p.hours, Date.parse(openAt)))
        .map((p) => [p.id, haversineMetres(lon, lat, p.lon, p.lat)])
        .sort((a, b) => a[1] - b[1] || a[0] - b[0])
        .slice(0, k);
      expect(got).toEqual(want);
      if (got.length < k) short++;
    }
    expect(short).toBeGreaterThan(50);
  });

  it('counts uncovered households per kind as a scan of every household against every point does', async () => {
    const body = coverageSchema.parse((await getJson(t.app, '/api/coverage?level=county&distance=2500')).body);
    for (const kind of INCIDENT_KINDS) {
      const points = data.mediationPoints.filter((p) => p.disputeKinds.includes(kind));
      const uncovered = data.households.filter((h) => !points.some((p) => haversineMetres(p.lon, p.lat, h.lon, h.lat) <= 2_500)).length;
      expect(body.areas[0].uncovered[kind]).toBe(uncovered);
    }
  });
});
