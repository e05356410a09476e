import { errorBodySchema, householdCollectionSchema, householdFeatureSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../http/query-params.ts';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';
import { walkPages } from '../test/walk-pages.ts';

describe('GET /api/households', () => {
  const t = useTinyCountyApp();

  it('walks the whole layer exactly once, page by page, in increasing id order', async () => {
    const pages = await walkPages(t.current.app, '/api/households?limit=5');
    expect(pages.map((p) => p.numberReturned)).toEqual([5, 5, 2]);
    const ids = pages.flatMap((p) => householdCollectionSchema.parse(p).features.map((f) => f.id));
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(pages.at(-1).nextCursor).toBeNull();
  });

  it('keeps the filters in the next link', async () => {
    const { body } = await getJson(t.current.app, '/api/households?gridId=5&limit=2');
    const next = body.links.find((l: { rel: string }) => l.rel === 'next');
    expect(next.href).toBe(`/api/households?gridId=5&limit=2&cursor=${body.nextCursor}`);
    expect(body.links.find((l: { rel: string }) => l.rel === 'self').href).toBe('/api/households?gridId=5&limit=2');
  });

  it('returns the households of one grid, each carrying its grid id', async () => {
    const page = householdCollectionSchema.parse((await getJson(t.current.app, '/api/households?gridId=5')).body);
    expect(page.features.map((f) => f.id)).toEqual([4, 5, 6]);
    expect(page.features.every((f) => f.properties.gridId === 5)).toBe(true);
  });

  it('returns only the households inside a bbox, edges included', async () => {
    const page = householdCollectionSchema.parse(
      (await getJson(t.current.app, '/api/households?bbox=120.0,29.0,120.1,29.1')).body,
    );
    expect(page.features.map((f) => f.id)).toEqual([1, 2, 3]);
    const edge = householdCollectionSchema.parse(
      (await getJson(t.current.app, '/api/households?bbox=120.02,29.02,120.021,29.021')).body,
    );
    expect(edge.features.map((f) => f.id)).toEqual([1]);
  });

  it('masks head names and phone numbers for a role that does not need them', async () => {
    const page = householdCollectionSchema.parse((await getJson(t.current.as('official'), '/api/households?limit=2')).body);
    expect(page.features.map((f) => [f.properties.headName, f.properties.phone])).toEqual([
      ['李*', '138****1001'],
      ['张**', '138****1002'],
    ]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=10001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from('x').toString('base64url')}`, 'cursor'],
    ['bbox=1,2,3,4,5', 'bbox'],
    ['gridId=abc', 'gridId'],
    [`cursor=${Buffer.from('0').toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from('1e3').toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from('9007199254740993').toString('base64url')}`, 'cursor'],
    ['gridid=4', 'gridid'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.current.app, `/api/households?${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'bad_request', field });
  });

  it('answers 400 naming gridId when no area has that id', async () => {
    const { status, body } = await getJson(t.current.app, '/api/households?gridId=999');
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ field: 'gridId', message: 'no area with id 999' });
  });

  it('answers 400 naming gridId when the area is not a grid', async () => {
    const { status, body } = await getJson(t.current.app, '/api/households?gridId=3');
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ field: 'gridId', message: 'area 3 is a community, not a grid' });
  });

  it('accepts the largest limit and a cursor it gave out', async () => {
    const { status, body } = await getJson(t.current.app, `/api/households?limit=10000&cursor=${encodeCursor(10)}`);
    expect(status).toBe(200);
    expect(body.features.map((f: { id: number }) => f.id)).toEqual([11, 12]);
  });
});

describe('GET /api/households/:id', () => {
  const t = useTinyCountyApp();

  it('shows the planner the migrant tag of household 1 but not its key-group tag', async () => {
    const planner = t.current.as('planner');
    const one = householdFeatureSchema.parse((await getJson(planner, '/api/households/1')).body);
    expect(one.properties.tags).toEqual(['migrant']);
    const page = householdCollectionSchema.parse((await getJson(planner, '/api/households?limit=1')).body);
    expect(page.features[0].properties.tags).toEqual(['migrant']);
  });

  it('shows the grid worker of the grid the household in full, and the view goes to the audit log', async () => {
    const worker = t.current.as('grid_worker', 4);
    const { body } = await getJson(worker, '/api/households/2');
    expect(householdFeatureSchema.parse(body).properties).toMatchObject({ gridId: 4, headName: '张小明', phone: '13812341002' });
    const line = t.current.db.prepare('SELECT username, action, target FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(line).toEqual({ username: 'test-grid_worker-4', action: 'view_personal', target: 'households 2' });
  });

  it('hides a household outside the account\'s area as if it did not exist', async () => {
    const worker = t.current.as('grid_worker', 5);
    expect((await getJson(worker, '/api/households/2')).status).toBe(404);
    const page = householdCollectionSchema.parse((await getJson(worker, '/api/households')).body);
    expect(page.features.length).toBeGreaterThan(0);
    expect(page.features.every((f) => f.properties.gridId === 5)).toBe(true);
    expect((await getJson(worker, '/api/households?gridId=4')).status).toBe(403);
  });

  it('masks the head name and phone number of a single household as the list does', async () => {
    const { status, body } = await getJson(t.current.as('official'), '/api/households/2');
    expect(status).toBe(200);
    const household = householdFeatureSchema.parse(body);
    const [lon, lat] = household.geometry.coordinates;
    expect([lon, lat].map((d) => d.toFixed(6))).toEqual(['120.050000', '29.045000']);
    expect(household.properties).toMatchObject({ gridId: 4, headName: '张**', phone: '138****1002' });
  });
});
