import {
  INCIDENT_KINDS,
  coverageSchema,
  coverageSuggestionsSchema,
  errorBodySchema,
  householdCollectionSchema,
  type IncidentKind,
} from '@gridmap/shared';
import { haversineMetres } from '@gridmap/shared/geo/haversine';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/tiny-county.ts';
import { getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';

const county = tinyCounty();

/** Ids of the tiny county's households farther than `distanceM` from every point that takes `kind`, by definition. */
function uncoveredByDefinition(kind: IncidentKind, distanceM: number, points = county.mediationPoints): number[] {
  return county.households
    .filter((h) => !points.some((p) => p.disputeKinds.includes(kind) && haversineMetres(p.lon, p.lat, h.lon, h.lat) <= distanceM))
    .map((h) => h.id);
}

async function figures(app: TestApp['app'], query = '') {
  const { status, body } = await getJson(app, `/api/coverage${query}`);
  expect(status).toBe(200);
  return coverageSchema.parse(body);
}

describe('GET /api/coverage', () => {
  const t = useTinyCountyApp();

  it('counts, per kind and area, the households farther than 3 km from any point taking the kind', async () => {
    const body = await figures(t.current.app);
    expect(body.distanceM).toBe(3_000);
    expect(body.kinds).toEqual([...INCIDENT_KINDS]);
    const countyFigures = body.areas.find((a) => a.areaId === 1)!;
    expect(countyFigures.households).toBe(12);
    for (const kind of INCIDENT_KINDS) expect(countyFigures.uncovered[kind]).toBe(uncoveredByDefinition(kind, 3_000).length);
    // No point takes medical disputes: every household is uncovered for them.
    expect(countyFigures.uncovered.medical).toBe(12);
    // Grids add up to the county, and each grid's figure matches the definition.
    const grids = body.areas.filter((a) => a.level === 'grid');
    expect(grids.reduce((s, g) => s + (g.uncovered.neighbour ?? 0), 0)).toBe(countyFigures.uncovered.neighbour);
    for (const g of grids) {
      const inGrid = new Set(county.households.filter((h) => h.gridId === g.areaId).map((h) => h.id));
      expect(g.uncovered.land).toBe(uncoveredByDefinition('land', 3_000).filter((id) => inGrid.has(id)).length);
    }
  });

  it('follows the chosen distance, one kind and one level', async () => {
    const body = await figures(t.current.app, '?distance=8000&kind=neighbour&level=town');
    expect(body.kinds).toEqual(['neighbour']);
    expect(body.areas).toEqual([{ areaId: 2, level: 'town', name: '小镇', households: 12, uncovered: { neighbour: uncoveredByDefinition('neighbour', 8_000).length } }]);
  });

  it('changes when a point is closed through the API', async () => {
    const before = (await figures(t.current.app, '?kind=traffic&level=county')).areas[0].uncovered.traffic;
    await t.current.app.request('/api/mediation-points/3', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ closed: true }) });
    const after = (await figures(t.current.app, '?kind=traffic&level=county')).areas[0].uncovered.traffic;
    expect(before).toBe(uncoveredByDefinition('traffic', 3_000).length);
    expect(before).toBeLessThan(12);
    expect(after).toBe(12);
  });

  it.each([
    ['?distance=50', 'distance'],
    ['?distance=abc', 'distance'],
    ['?kind=fight', 'kind'],
    ['?level=village', 'level'],
    ['?radius=3000', 'radius'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.current.app, `/api/coverage${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body).field).toBe(field);
  });
});

describe('GET /api/coverage/households', () => {
  const t = useTinyCountyApp();

  it('lists the households behind a figure, paged by id, names and phones masked', async () => {
    const want = uncoveredByDefinition('land', 3_000);
    expect(want.length).toBeGreaterThan(2);
    const first = householdCollectionSchema.parse((await getJson(t.current.app, '/api/coverage/households?kind=land&limit=2')).body);
    expect(first.features.map((f) => f.id)).toEqual(want.slice(0, 2));
    expect(first.features[0].properties.phone).toMatch(/\*\*\*\*/);
    const rest = householdCollectionSchema.parse((await getJson(t.current.app, `/api/coverage/households?kind=land&limit=100&cursor=${first.nextCursor}`)).body);
    expect(rest.features.map((f) => f.id)).toEqual(want.slice(2));
  });

  it('keeps to an area when asked', async () => {
    const inGrid7 = new Set(county.households.filter((h) => h.gridId === 7).map((h) => h.id));
    const body = householdCollectionSchema.parse((await getJson(t.current.app, '/api/coverage/households?kind=medical&areaId=7')).body);
    expect(body.features.map((f) => f.id)).toEqual([...inGrid7]);
  });

  it('answers 400 without a kind or for an unknown area', async () => {
    expect((await getJson(t.current.app, '/api/coverage/households')).body).toMatchObject({ field: 'kind' });
    expect((await getJson(t.current.app, '/api/coverage/households?kind=land&areaId=99')).body).toMatchObject({ field: 'areaId' });
  });
});

describe('GET /api/coverage/suggestions', () => {
  const t = useTinyCountyApp();

  it('suggests community centres without a point for the kind, with the households each would cover', async () => {
    // No point takes medical disputes; the one community (centre 120.1, 29.1) is the candidate.
    const body = coverageSuggestionsSchema.parse((await getJson(t.current.app, '/api/coverage/suggestions?kind=medical&n=3')).body);
    expect(body.uncoveredBefore).toBe(12);
    const within = county.households.filter((h) => haversineMetres(120.1, 29.1, h.lon, h.lat) <= 3_000).map((h) => h.id);
    expect(within.length).toBeGreaterThan(0);
    expect(body.suggestions).toEqual([{ rank: 1, areaId: 3, name: '小村', lon: 120.1, lat: 29.1, householdIds: within }]);
  });

  it('offers nothing where the community already has a point taking the kind', async () => {
    // The community's committee takes neighbour disputes.
    const body = coverageSuggestionsSchema.parse((await getJson(t.current.app, '/api/coverage/suggestions?kind=neighbour')).body);
    expect(body.suggestions).toEqual([]);
  });

  it('answers 400 for n out of range', async () => {
    expect((await getJson(t.current.app, '/api/coverage/suggestions?kind=medical&n=21')).body).toMatchObject({ field: 'n' });
  });
});
