import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import {
  ADDITIVE_FIGURES,
  addTallies,
  areaStatsSchema,
  childrenStatsSchema,
  errorBodySchema,
  statsPeriod,
  tallyIncidents,
  type CountyData,
} from '@gridmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyAreas } from '../stats/area-stats.ts';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { createTestApp, getJson, type TestApp } from '../test/test-app.ts';

/** Scale of the generated county: ~3% of the full demo, some two thousand incidents. */
const TEST_SIZE = 0.03;
const NOW = '2026-01-01T00:00:00.000Z';
const PERIOD = 'from=2025-01-01&to=2025-12-31';

// Generated once for the file (it takes a few seconds) and only read by the cases below.
let data: CountyData;
let t: TestApp;
beforeAll(async () => {
  data = await generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: TEST_SIZE, now: NOW });
  t = createTestApp(data, NOW);
});
afterAll(() => t?.close());

const county = () => data.areas.find((a) => a.level === 'county')!;
const childrenOf = (id: number) => data.areas.filter((a) => a.parentId === id);

describe('GET /api/areas/:id/children/stats', () => {
  it('gives children whose additive figures add up to their parent, at every level', async () => {
    let parents = [county()];
    for (let depth = 0; depth < 3; depth++) {
      for (const parent of parents.slice(0, 3)) {
        const stats = areaStatsSchema.parse((await getJson(t.app, `/api/areas/${parent.id}/stats?${PERIOD}`)).body);
        const kids = childrenStatsSchema.parse((await getJson(t.app, `/api/areas/${parent.id}/children/stats?${PERIOD}`)).body);
        expect(kids.children.map((c) => c.id)).toEqual(childrenOf(parent.id).map((c) => c.id));
        for (const figure of ADDITIVE_FIGURES) {
          const sum = kids.children.reduce((n, c) => n + (c.figures[figure] ?? 0), 0);
          expect(sum, `${figure} of ${parent.name}`).toBe(stats.figures[figure]);
        }
        expect(stats.figures.reported).toBeGreaterThan(0);
      }
      parents = parents.flatMap((p) => childrenOf(p.id)).filter((a) => a.level !== 'grid');
    }
  });

  it('gives the chosen figure as each child value', async () => {
    const kids = childrenStatsSchema.parse(
      (await getJson(t.app, `/api/areas/${county().id}/children/stats?figure=safetyIndex&${PERIOD}`)).body,
    );
    expect(kids.childLevel).toBe('town');
    for (const child of kids.children) expect(child.value).toBe(child.figures.safetyIndex);
  });

  it('gives a grid no children', async () => {
    const grid = data.areas.find((a) => a.level === 'grid')!;
    const kids = childrenStatsSchema.parse((await getJson(t.app, `/api/areas/${grid.id}/children/stats`)).body);
    expect(kids).toMatchObject({ childLevel: null, children: [] });
  });
});

describe('GET /api/areas/:id/stats', () => {
  it('counts the county exactly as the shared tally defines the figures, and its towns add up to it', async () => {
    const period = statsPeriod('2025-01-01', '2025-12-31', new Date(NOW));
    const inPeriod = data.incidents.filter((i) => Date.parse(i.reportedAt) >= period.start && Date.parse(i.reportedAt) < period.end);
    const expected = tallyIncidents(inPeriod, new Date(NOW));
    const [got] = tallyAreas(t.db, [county().id], period.start, period.end, new Date(NOW));
    expect(got).toEqual(expected);
    // And the sum of the towns' histograms is the county's: medians come from additive histograms.
    const towns = tallyAreas(t.db, childrenOf(county().id).map((a) => a.id), period.start, period.end, new Date(NOW));
    expect(addTallies(towns)).toEqual(expected);
  });

  it('compares with the previous period and lists the siblings, itself included', async () => {
    const town = childrenOf(county().id)[0];
    const stats = areaStatsSchema.parse((await getJson(t.app, `/api/areas/${town.id}/stats?${PERIOD}`)).body);
    expect(stats.period).toEqual({ from: '2025-01-01', to: '2025-12-31', days: 365 });
    expect(stats.previousPeriod).toEqual({ from: '2024-01-02', to: '2024-12-31', days: 365 });
    expect(stats.previous.reported).toBeGreaterThan(0);
    expect(stats.siblings.map((s) => s.id)).toEqual(childrenOf(county().id).map((a) => a.id));
    expect(stats.siblings.find((s) => s.id === town.id)!.figures).toEqual(stats.figures);
  });

  it('has a month for every month of the period, and breakdowns that sum to the reported', async () => {
    const stats = areaStatsSchema.parse((await getJson(t.app, `/api/areas/${county().id}/stats?${PERIOD}`)).body);
    expect(stats.monthly.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    const sum = (counts: Record<string, number | undefined>) => Object.values(counts).reduce<number>((n, v) => n + (v ?? 0), 0);
    expect(stats.monthly.reduce((n, m) => n + m.reported, 0)).toBe(stats.figures.reported);
    for (const counts of [stats.byKind, stats.bySource, stats.byLevel, stats.byStatus]) expect(sum(counts)).toBe(stats.figures.reported);
    expect(stats.siblings).toEqual([]);
  });

  it.each([
    ['from=2025-02-30', 'from'],
    ['to=2025-13-01', 'to'],
    ['from=2025-03-01&to=2025-02-01', 'from'],
    ['from=yesterday', 'from'],
    ['figure=reported', 'figure'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.app, `/api/areas/${county().id}/stats?${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body).field).toBe(field);
  });

  it('answers 400 naming figure for an unknown figure of the children', async () => {
    const { status, body } = await getJson(t.app, `/api/areas/${county().id}/children/stats?figure=happiness`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body).field).toBe('figure');
  });

  it('answers 404 for an unknown area', async () => {
    expect((await getJson(t.app, '/api/areas/999999/stats')).status).toBe(404);
  });
});

describe('figures after a write', () => {
  it('follow a transition at once: a case resolved leaves open and joins resolved', async () => {
    const fresh = createTestApp(data, NOW); // its own database: this case writes
    try {
      const mediating = data.incidents.find((i) => i.status === 'mediating' && i.reportedAt >= '2025-01-01' && i.reportedAt < '2025-12-31')!;
      const url = `/api/areas/${county().id}/stats?${PERIOD}`;
      const before = areaStatsSchema.parse((await getJson(fresh.app, url)).body).figures;
      const res = await fresh.app.request(`/api/incidents/${mediating.id}/transitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ transition: 'resolve', actor: '测试调解员', expectedVersion: 1 }),
      });
      expect(res.status).toBe(200);
      const after = areaStatsSchema.parse((await getJson(fresh.app, url)).body).figures;
      expect(after.open).toBe(before.open! - 1);
      expect(after.resolved).toBe(before.resolved! + 1);
      expect(after.reported).toBe(before.reported);
    } finally {
      fresh.close();
    }
  });

  // NOW is 08:00 on 1 January 2026 in the county: a report made now falls on that county day.
  it('count a new report at once, in its grid\'s town as in the county', async () => {
    const fresh = createTestApp(data, NOW);
    try {
      const grid = data.areas.find((a) => a.level === 'grid')!;
      const community = data.areas.find((a) => a.id === grid.parentId)!;
      const town = community.parentId!;
      const read = async (id: number) => areaStatsSchema.parse((await getJson(fresh.app, `/api/areas/${id}/stats?from=2025-12-01&to=2026-01-01`)).body).figures;
      const [townBefore, countyBefore] = [await read(town), await read(county().id)];
      const res = await fresh.app.request('/api/incidents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'neighbour', description: '测试：邻里噪音', location: { lon: grid.labelPoint[0], lat: grid.labelPoint[1] }, source: 'walk_in', severity: 1, actor: '测试员' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      expect((await read(town)).reported).toBe(townBefore.reported! + 1);
      expect((await read(county().id)).open).toBe(countyBefore.open! + 1);
    } finally {
      fresh.close();
    }
  });
});
