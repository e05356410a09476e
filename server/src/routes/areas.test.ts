import { areaCollectionSchema, areaDetailSchema, errorBodySchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { signedIn } from '../test/signed-in-app.ts';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';
import { TINY_NOW } from '../test/tiny-county.ts';

describe('GET /api/areas', () => {
  const t = useTinyCountyApp();

  it('returns every area when no filter is given', async () => {
    const { status, body, headers } = await getJson(t.current.app, '/api/areas');
    expect(status).toBe(200);
    expect(headers.get('Content-Type')).toMatch(/application\/geo\+json/);
    const areas = areaCollectionSchema.parse(body);
    expect(areas.features.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(areas.numberReturned).toBe(7);
    expect(areas.nextCursor).toBeNull();
  });

  it('returns the grids with their figures when asked for level=grid', async () => {
    const areas = areaCollectionSchema.parse((await getJson(t.current.app, '/api/areas?level=grid')).body);
    expect(areas.features.map((f) => f.properties.name)).toEqual(['西南网格', '东南网格', '西北网格', '东北网格']);
    const sw = areas.features[0].properties;
    expect(sw).toMatchObject({ households: 3, staff: 3, openIncidents: 2, parentId: 3, code: '330681001001001' });
  });

  it('rolls open incidents up to the county', async () => {
    const areas = areaCollectionSchema.parse((await getJson(t.current.app, '/api/areas?level=county')).body);
    expect(areas.features[0].properties).toMatchObject({ households: 12, residents: 35, openIncidents: 4, staff: 9 });
  });

  it('refuses a list of more areas than one answer may hold, naming the filter to add, and serves the narrowed list', async () => {
    const app = signedIn(createApp({ db: t.current.db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(TINY_NOW), areasListMax: 4 } }), t.current.session);
    const whole = await getJson(app, '/api/areas');
    expect(whole.status).toBe(400);
    expect(errorBodySchema.parse(whole.body)).toMatchObject({ code: 'bad_request', field: 'level' });
    expect(whole.body.message).toMatch(/^7 areas match/);
    expect(areaCollectionSchema.parse((await getJson(app, '/api/areas?level=grid')).body).numberReturned).toBe(4);
    expect(areaCollectionSchema.parse((await getJson(app, '/api/areas?parent=3')).body).numberReturned).toBe(4);
  });

  it('returns the children of a parent', async () => {
    const areas = areaCollectionSchema.parse((await getJson(t.current.app, '/api/areas?parent=3')).body);
    expect(areas.features.map((f) => f.id)).toEqual([4, 5, 6, 7]);
  });

  it('returns the areas whose box meets a bbox', async () => {
    const areas = areaCollectionSchema.parse(
      (await getJson(t.current.app, '/api/areas?level=grid&bbox=120.01,29.01,120.05,29.05')).body,
    );
    expect(areas.features.map((f) => f.id)).toEqual([4]);
  });

  it.each([
    ['level=village', 'level'],
    ['bbox=120,29,119,30', 'bbox'],
    ['bbox=120,29,121', 'bbox'],
    ['bbox=120,29,abc,30', 'bbox'],
    ['bbox=-200,29,121,30', 'bbox'],
    ['bbox=120,-95,121,30', 'bbox'],
    ['parent=1.5', 'parent'],
    ['parent=999', 'parent'],
    ['parent=01', 'parent'],
    ['Level=grid', 'Level'],
    ['level=grid&level=town', 'level'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.current.app, `/api/areas?${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'bad_request', field });
  });
});

describe('GET /api/areas/:id', () => {
  const t = useTinyCountyApp();

  it('returns a grid with its path, staff by role and overdue incidents', async () => {
    const { status, body } = await getJson(t.current.app, '/api/areas/4');
    expect(status).toBe(200);
    const area = areaDetailSchema.parse(body);
    expect(area.geometry.type).toBe('Polygon');
    expect(area.properties).toMatchObject({
      name: '西南网格',
      path: [
        { id: 1, name: '小县', level: 'county' },
        { id: 2, name: '小镇', level: 'town' },
        { id: 3, name: '小村', level: 'community' },
      ],
      children: 0,
      incidents: 2,
      incidentsByStatus: { reported: 1, mediating: 1 },
      openIncidents: 2,
      overdueIncidents: 1,
      keyGroupHouseholds: 1,
      staffByRole: { grid_worker: 2, community_police: 1 },
      householdsPerGridWorker: 1.5,
    });
  });

  it('returns the county with the figures of the whole county', async () => {
    const area = areaDetailSchema.parse((await getJson(t.current.app, '/api/areas/1')).body);
    expect(area.properties).toMatchObject({
      path: [],
      children: 1,
      incidents: 8,
      openIncidents: 4,
      overdueIncidents: 2,
      mediationPoints: 3,
      householdsPerGridWorker: 12 / 5,
    });
  });

  it('answers 404 for an unknown id', async () => {
    const { status, body } = await getJson(t.current.app, '/api/areas/999');
    expect(status).toBe(404);
    expect(errorBodySchema.parse(body).code).toBe('not_found');
  });

  it.each(['abc', '1.5', '0', '-3'])('answers 400 for the id %s', async (id) => {
    const { status, body } = await getJson(t.current.app, `/api/areas/${id}`);
    expect(status).toBe(400);
    expect(body.field).toBe('id');
  });
});
