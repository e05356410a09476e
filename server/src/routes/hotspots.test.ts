import { errorBodySchema, hotspotCollectionSchema } from '@gridmap/shared';
import { hexCellAt } from '@gridmap/shared/hotspots/hex-study-area';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';

describe('GET /api/hotspots on the hand-made county', () => {
  const t = useTinyCountyApp();

  it('computes Gi* over grids as worked by hand, and states the weights', async () => {
    // Grids 4 (SW), 5 (SE), 6 (NW), 7 (NE) in a 2×2 block; shared edges: 4–5, 4–6, 5–7, 6–7
    // (4 and 7 meet only at a corner). Neighbour disputes: incident 1 in grid 4, 5 in grid 6:
    // x = [1, 0, 1, 0], n = 4, x̄ = 0.5, S = √(2/4 − 0.25) = 0.5. Every grid has W = 3.
    // Grid 4: local 1 + 0 + 1 = 2, (2 − 1.5) / (0.5 · √((12 − 9)/3)) = 1; grid 6 likewise 1;
    // grids 5 and 7: local 1, (1 − 1.5) / 0.5 = −1. p = 2(1 − Φ(1)) = 0.31731: nothing significant.
    const { status, body } = await getJson(t.current.app, '/api/hotspots?unit=grid&kind=neighbour');
    expect(status, JSON.stringify(body)).toBe(200);
    const answer = hotspotCollectionSchema.parse(body);
    expect(answer.weights).toEqual({ scheme: 'binary', neighbourhood: 'shared-edge', includesSelf: true, rowStandardised: false });
    expect(answer).toMatchObject({ unit: 'grid', resolution: null, cellCount: 4, incidentCount: 2, mean: 0.5, sd: 0.5, fdr: true });
    const byGrid = Object.fromEntries(answer.features.map((f) => [f.properties.cell, f.properties]));
    expect(byGrid['4']).toMatchObject({ name: '西南网格', count: 1, z: 1, p: 0.31731, bin: 0 });
    expect(byGrid['6']).toMatchObject({ count: 1, z: 1 });
    expect(byGrid['5']).toMatchObject({ count: 0, z: -1 });
    expect(byGrid['7']).toMatchObject({ count: 0, z: -1 });
  });

  it('counts only the window asked for, from a county day to a county day inclusive', async () => {
    // Reported in 2025 up to 31 March (county days): incidents 4 (1 Mar), 7 (1 Jan, 07:00 county), 8.
    const { body } = await getJson(t.current.app, '/api/hotspots?unit=grid&from=2025-01-01&to=2025-03-31');
    expect(hotspotCollectionSchema.parse(body).incidentCount).toBe(3);
  });

  it('answers hexagons at the resolution asked for, every cell of the county included', async () => {
    const { status, body } = await getJson(t.current.app, '/api/hotspots?unit=hex&resolution=7');
    expect(status).toBe(200);
    const answer = hotspotCollectionSchema.parse(body);
    expect(answer.weights).toMatchObject({ neighbourhood: 'k-ring', k: 1 });
    expect(answer.resolution).toBe(7);
    expect(answer.features.reduce((s, f) => s + f.properties.count, 0)).toBe(8);
    expect(answer.cellCount).toBeGreaterThan(50); // ~5 km² hexagons over a ~20 × 22 km square
  });

  it('counts an incident written after a first answer, in a hexagon new to the study area too', async () => {
    const get = async (query: string) => hotspotCollectionSchema.parse((await getJson(t.current.app, `/api/hotspots?${query}`)).body);
    const before = await get('unit=hex&resolution=7');
    const gridsBefore = await get('unit=grid');
    // A case east of the county's outline, filed under grid 4: its hexagon joins the study area.
    t.current.db
      .prepare(
        `INSERT INTO incidents (kind, status, severity, source, level, origin_level, description, lon, lat, grid_id, reported_at, deadline_at)
         VALUES ('debt', 'reported', 1, 'patrol', 'grid', 'grid', '新增', 121.5, 29.1, 4, '2025-05-31T02:00:00.000Z', '2025-06-15T02:00:00.000Z')`,
      )
      .run();
    const after = await get('unit=hex&resolution=7');
    expect(after.incidentCount).toBe(before.incidentCount + 1);
    expect(after.cellCount).toBe(before.cellCount + 1);
    expect(after.features.find((f) => f.properties.cell === hexCellAt(121.5, 29.1, 7))?.properties.count).toBe(1);
    const grid4 = (c: typeof gridsBefore) => c.features.find((f) => f.properties.cell === '4')!.properties.count;
    expect(grid4(await get('unit=grid'))).toBe(grid4(gridsBefore) + 1);
  });

  it.each([
    ['unit=square', 'unit'],
    ['resolution=12', 'resolution'],
    ['resolution=4', 'resolution'],
    ['resolution=8.5', 'resolution'],
    ['unit=grid&resolution=8', 'resolution'],
    ['from=2025-02-01&to=2025-01-31', 'from'],
    ['from=2025-02-30', 'from'],
    ['kind=quarrel', 'kind'],
    ['fdr=maybe', 'fdr'],
    ['cells=some', 'cells'],
    ['units=hex', 'units'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.current.app, `/api/hotspots?${query}`);
    expect(status, JSON.stringify(body)).toBe(400);
    expect(errorBodySchema.parse(body).field).toBe(field);
  });
});
