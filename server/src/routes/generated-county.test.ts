import {
  OPEN_STATUSES,
  areaCollectionSchema,
  areaDetailSchema,
  healthSchema,
  householdCollectionSchema,
  incidentCollectionSchema,
  mediationPointCollectionSchema,
  type CountyData,
} from '@gridmap/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeTile, tileOf } from '../test/decode-tile.ts';
import { getJson, type TestApp } from '../test/test-app.ts';
import { walkPages } from '../test/walk-pages.ts';
import { tileBbox } from '../tiles/mercator.ts';
import { GENERATED_NOW, useGeneratedCountyApp } from '../test/generated-county-app.ts';

/** Scale of the generated county: ~2% of the full demo, a few thousand households. */
const TEST_SIZE = 0.02;
const NOW = GENERATED_NOW;

const generated = useGeneratedCountyApp(TEST_SIZE);
let data: CountyData;
let t: TestApp;
beforeAll(() => ({ data, t } = generated));

const ids = (features: { id: number }[]) => features.map((f) => f.id);
const isIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

describe('the API over a generated county', () => {
  it('counts every table in /api/health', async () => {
    const health = healthSchema.parse((await getJson(t.app, '/api/health')).body);
    expect(health.counts).toEqual({
      areas: data.areas.length,
      households: data.households.length,
      staff: data.staff.length,
      mediationPoints: data.mediationPoints.length,
      incidents: data.incidents.length,
    });
    expect(health.county).toEqual({ name: data.meta.countyName, code: data.meta.countyCode });
  });

  it('lists every level, each grid with the households that lie in it', async () => {
    for (const level of ['county', 'town', 'community', 'grid'] as const) {
      const areas = areaCollectionSchema.parse((await getJson(t.app, `/api/areas?level=${level}`)).body);
      expect(ids(areas.features).sort((a, b) => a - b)).toEqual(
        data.areas.filter((a) => a.level === level).map((a) => a.id).sort((a, b) => a - b),
      );
    }
    const grids = areaCollectionSchema.parse((await getJson(t.app, '/api/areas?level=grid')).body);
    const perGrid = new Map<number, number>();
    for (const h of data.households) perGrid.set(h.gridId, (perGrid.get(h.gridId) ?? 0) + 1);
    for (const g of grids.features) expect(g.properties.households).toBe(perGrid.get(g.id) ?? 0);
  });

  it('gives the county the figures of the whole county', async () => {
    const county = data.areas.find((a) => a.level === 'county')!;
    const detail = areaDetailSchema.parse((await getJson(t.app, `/api/areas/${county.id}`)).body);
    const open = data.incidents.filter((i) => OPEN_STATUSES.includes(i.status));
    expect(detail.properties).toMatchObject({
      households: data.households.length,
      residents: data.households.reduce((s, h) => s + h.size, 0),
      incidents: data.incidents.length,
      openIncidents: open.length,
      overdueIncidents: open.filter((i) => Date.parse(i.deadlineAt) < Date.parse(NOW)).length,
      staff: data.staff.length,
      mediationPoints: data.mediationPoints.length,
    });
  });

  it('returns the children of each town', async () => {
    const town = data.areas.find((a) => a.level === 'town')!;
    const children = areaCollectionSchema.parse((await getJson(t.app, `/api/areas?parent=${town.id}`)).body);
    expect(ids(children.features)).toEqual(data.areas.filter((a) => a.parentId === town.id).map((a) => a.id).sort((a, b) => a - b));
  });

  it('pages through every household exactly once, in increasing id order', async () => {
    const pages = await walkPages(t.app, '/api/households?limit=997');
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flatMap((p) => ids(householdCollectionSchema.parse(p).features));
    expect(isIncreasing(all)).toBe(true);
    expect(all).toEqual(data.households.map((h) => h.id).sort((a, b) => a - b));
  });

  it('pages through the incidents of a town and a status filter, matching the data', async () => {
    const town = data.areas.find((a) => a.level === 'town')!;
    const inTown = new Set(descendantGrids(data, town.id));
    const pages = await walkPages(t.app, `/api/incidents?areaId=${town.id}&status=${OPEN_STATUSES.join(',')}&limit=50`);
    const all = pages.flatMap((p) => ids(incidentCollectionSchema.parse(p).features));
    expect(isIncreasing(all)).toBe(true);
    expect(all).toEqual(
      data.incidents
        .filter((i) => inTown.has(i.gridId) && OPEN_STATUSES.includes(i.status))
        .map((i) => i.id)
        .sort((a, b) => a - b),
    );
  });

  it('returns every mediation point', async () => {
    const pages = await walkPages(t.app, '/api/mediation-points?limit=10000');
    expect(pages.flatMap((p) => ids(mediationPointCollectionSchema.parse(p).features))).toHaveLength(data.mediationPoints.length);
  });

  it('bins households in z10 tiles so that each tile counts the households in its bbox', async () => {
    const lons = data.households.map((h) => h.lon);
    const lats = data.households.map((h) => h.lat);
    const { x: x0, y: y0 } = tileOf(Math.min(...lons), Math.max(...lats), 10);
    const { x: x1, y: y1 } = tileOf(Math.max(...lons), Math.min(...lats), 10);
    let total = 0;
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const [minLon, minLat, maxLon, maxLat] = tileBbox(10, x, y);
        const inside = data.households.filter((h) => h.lon >= minLon && h.lon < maxLon && h.lat > minLat && h.lat <= maxLat).length;
        const res = await t.app.request(`/api/tiles/households/10/${x}/${y}.mvt`, { headers: { 'Accept-Encoding': 'gzip' } });
        const counted = res.status === 204 ? 0 : decodeTile(new Uint8Array(await res.arrayBuffer())).households
          .reduce((s, f) => s + (f.properties.count as number), 0);
        expect(counted, `tile 10/${x}/${y}`).toBe(inside);
        total += counted;
      }
    }
    expect(total).toBe(data.households.length);
  });
});

function descendantGrids(county: CountyData, areaId: number): number[] {
  const children = new Map<number, number[]>();
  for (const a of county.areas) if (a.parentId !== null) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  const grids: number[] = [];
  const visit = (id: number) => {
    const kids = children.get(id);
    if (!kids) grids.push(id);
    else kids.forEach(visit);
  };
  visit(areaId);
  return grids;
}
