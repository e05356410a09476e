import { describe, expect, it } from 'vitest';
import { AREA_LEVELS } from '../areas/area-level.ts';
import { Random } from '../demo/random.ts';
import { haversineMetres } from '../geo/haversine.ts';
import { INCIDENT_KINDS } from '../incidents/incident-catalogue.ts';
import { buildMediationPointIndex, nearestMediationPoints, type IndexedMediationPoint, type NearestMediationQuery } from './mediation-point-index.ts';
import { isOpenAt } from './open-at.ts';

const WEEKDAYS = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
const ALWAYS = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }];

function randomPoints(random: Random, n: number): IndexedMediationPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    lon: 119.9 + random.next() * 0.6,
    lat: 29.35 + random.next() * 0.6,
    level: random.pick(AREA_LEVELS),
    hours: random.chance(0.2) ? ALWAYS : WEEKDAYS,
    disputeKinds: INCIDENT_KINDS.filter(() => random.chance(0.3)),
  }));
}

/** The answer by definition: filter every point, sort by haversine distance then id. */
function bruteForce(points: IndexedMediationPoint[], q: NearestMediationQuery) {
  return points
    .filter((p) => q.disputeKind === undefined || p.disputeKinds.includes(q.disputeKind))
    .filter((p) => q.level === undefined || p.level === q.level)
    .filter((p) => q.openAt === undefined || isOpenAt(p.hours, q.openAt))
    .map((point) => ({ point, distanceM: haversineMetres(q.lon, q.lat, point.lon, point.lat) }))
    .sort((a, b) => a.distanceM - b.distanceM || a.point.id - b.point.id)
    .slice(0, q.k);
}

describe('nearestMediationPoints', () => {
  it('equals a brute-force search under every mix of kind, level and opening filters', () => {
    const random = new Random(11, 'mediation-index-test');
    const points = randomPoints(random, 250);
    const index = buildMediationPointIndex(points);
    let short = 0;
    for (let q = 0; q < 3_000; q++) {
      const query: NearestMediationQuery = {
        lon: 119.85 + random.next() * 0.7,
        lat: 29.3 + random.next() * 0.7,
        k: 1 + random.int(10),
        disputeKind: random.chance(0.7) ? random.pick(INCIDENT_KINDS) : undefined,
        level: random.chance(0.4) ? random.pick(AREA_LEVELS) : undefined,
        // Monday 10:00 or Sunday 23:00 county time.
        openAt: random.chance(0.5) ? undefined : random.chance(0.5) ? Date.parse('2025-06-02T02:00:00Z') : Date.parse('2025-06-01T15:00:00Z'),
      };
      const got = nearestMediationPoints(index, query);
      expect(got).toEqual(bruteForce(points, query));
      if (got.length < query.k) short++;
    }
    expect(short).toBeGreaterThan(100);
  });

  it('sends a labour dispute past a nearer room that does not take labour disputes', () => {
    const index = buildMediationPointIndex([
      { id: 1, lon: 120.001, lat: 29, level: 'community', hours: WEEKDAYS, disputeKinds: ['neighbour', 'family'] },
      { id: 2, lon: 120.02, lat: 29, level: 'town', hours: WEEKDAYS, disputeKinds: ['labour'] },
    ]);
    expect(nearestMediationPoints(index, { lon: 120, lat: 29, k: 1 }).map((r) => r.point.id)).toEqual([1]);
    expect(nearestMediationPoints(index, { lon: 120, lat: 29, k: 1, disputeKind: 'labour' }).map((r) => r.point.id)).toEqual([2]);
  });

  it('sends a late-night case to a room open at that hour', () => {
    const index = buildMediationPointIndex([
      { id: 1, lon: 120.001, lat: 29, level: 'town', hours: WEEKDAYS, disputeKinds: ['traffic'] },
      { id: 2, lon: 120.05, lat: 29, level: 'town', hours: ALWAYS, disputeKinds: ['traffic'] },
    ]);
    const lateMonday = Date.parse('2025-06-02T15:00:00Z'); // 23:00 in the county
    expect(nearestMediationPoints(index, { lon: 120, lat: 29, k: 2, disputeKind: 'traffic', openAt: lateMonday }).map((r) => r.point.id)).toEqual([2]);
  });
});
