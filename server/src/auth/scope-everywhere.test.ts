import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../routes/openapi-document.ts';
import { decodeTile } from '../test/decode-tile.ts';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';
import { mercatorX, mercatorY } from '../tiles/mercator.ts';

// Issue 9: every route needs a session, and an account sees only what lies inside its area. The
// tiny county has one town (2) and community (3) and four grids (4–7); a grid worker of grid 4
// must find grids 5–7 and everything in them gone or refused.

/** Every path of the OpenAPI document with its parameters filled in, and its methods. */
function documentedRoutes(): { method: string; path: string }[] {
  const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths;
  const fill: Record<string, string> = { id: '1', layer: 'incidents', z: '8', x: '213', y: '107', name: 'x' };
  return Object.entries(paths).flatMap(([template, item]) =>
    Object.keys(item)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path: template.replace(/\{(\w+)\}/g, (_, p: string) => fill[p] ?? '1') })),
  );
}

const OPEN = new Set(['GET /api/health', 'GET /api/session', 'POST /api/session', 'DELETE /api/session']);

describe('without a session', () => {
  const t = useTinyCountyApp();

  it('answers 401 on every documented route but sign-in and health, and changes nothing', async () => {
    const routes = documentedRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const changes = () => t.current.db.prepare('SELECT total_changes()').pluck().get();
    const before = changes();
    const refused: string[] = [];
    for (const { method, path } of routes) {
      if (OPEN.has(`${method} ${path}`)) continue;
      const res = await t.current.anonymous.request(path, {
        method,
        ...(method !== 'GET' && { headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      });
      if (res.status !== 401) refused.push(`${method} ${path}: ${res.status}`);
      else expect(((await res.json()) as { code: string }).code).toBe('unauthorized');
    }
    expect(refused).toEqual([]);
    expect(changes()).toBe(before);
  });

  it('tells a probe the server is up, but no counts', async () => {
    const { status, body } = await getJson(t.current.anonymous, '/api/health');
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.counts).toBeUndefined();
  });
});

describe('a grid worker of grid 4', () => {
  const t = useTinyCountyApp();
  const worker = () => t.current.as('grid_worker', 4);

  it('sees its grid and nothing beside it in the area layers', async () => {
    const { body } = await getJson(worker(), '/api/areas');
    expect(body.features.map((f: { id: number }) => f.id)).toEqual([4]);
    expect((await getJson(worker(), '/api/areas/4')).status).toBe(200);
    expect((await getJson(worker(), '/api/areas/5')).status).toBe(403);
    expect((await getJson(worker(), '/api/areas/3')).status).toBe(403);
    expect((await getJson(worker(), '/api/areas?parent=3')).status).toBe(403);
    expect((await getJson(worker(), '/api/areas/5/stats')).status).toBe(403);
    expect((await getJson(worker(), '/api/areas/3/children/stats')).status).toBe(403);
    const stats = await getJson(worker(), '/api/areas/4/stats');
    expect(stats.body.siblings.map((s: { id: number }) => s.id)).toEqual([4]);
  });

  it('lists, counts and exports only the incidents of its grid, and has never heard of the others', async () => {
    const list = await getJson(worker(), '/api/incidents');
    expect(list.body.features.map((f: { properties: { gridId: number } }) => f.properties.gridId)).toEqual([4, 4]);
    expect(list.body.numberMatched).toBe(2);
    expect((await getJson(worker(), '/api/incidents?areaId=3')).status).toBe(403);
    expect((await getJson(worker(), '/api/incidents/3')).status).toBe(404);
    expect((await getJson(worker(), '/api/incidents/3/nearest-mediation')).status).toBe(404);
    expect((await getJson(worker(), '/api/incidents/1')).status).toBe(200);
    const csv = await (await worker().request('/api/exports/incidents.csv')).text();
    expect(csv.trim().split('\n')).toHaveLength(3); // header and two incidents
    const layer = await getJson(worker(), '/api/layer-exports/incidents?format=geojson');
    expect(layer.body.features).toHaveLength(2);
    const health = await getJson(worker(), '/api/health');
    expect(health.body.counts).toMatchObject({ areas: 1, incidents: 2, households: 3 });
  });

  it('gets heat points, hot-spot cells and warnings of its own grid only', async () => {
    const heat = await getJson(worker(), '/api/heat');
    const all = await getJson(t.current.app, '/api/heat');
    expect(heat.body.features).toHaveLength(2);
    expect(all.body.features.length).toBeGreaterThan(2);
    const cells = await getJson(worker(), '/api/hotspots?unit=grid');
    expect(cells.status).toBe(200);
    expect(cells.body.features.map((f: { properties: { cell: string } }) => f.properties.cell)).toEqual(['4']);
    const warnings = await getJson(worker(), '/api/warnings');
    expect(warnings.body.warnings.every((w: { gridId: number }) => w.gridId === 4)).toBe(true);
  });

  it('draws tiles with the points of its grid only, and they are private to it', async () => {
    const [x, y] = [Math.floor(mercatorX(120.1) * 64), Math.floor(mercatorY(29.1) * 64)];
    const count = async (app: typeof t.current.app, layer: string) => {
      const res = await app.request(`/api/tiles/${layer}/6/${x}/${y}.mvt`);
      if (res.status === 204) return 0;
      expect(res.headers.get('Cache-Control')).toMatch(/^private/);
      const features = decodeTile(new Uint8Array(await res.arrayBuffer()))[layer] ?? [];
      return features.reduce((n, f) => n + Number(f.properties.count ?? 1), 0);
    };
    expect(await count(worker(), 'incidents')).toBe(2);
    expect(await count(t.current.app, 'incidents')).toBe(t.current.db.prepare('SELECT count(*) FROM incidents').pluck().get());
    expect(await count(worker(), 'households')).toBe(3);
  });

  it('sees coverage figures and uncovered households of its own grid only', async () => {
    const coverage = await getJson(worker(), '/api/coverage');
    expect(coverage.body.areas.map((a: { areaId: number }) => a.areaId)).toEqual([4]);
    expect((await getJson(worker(), '/api/coverage/households?kind=land&areaId=5')).status).toBe(403);
    const households = await getJson(worker(), '/api/coverage/households?kind=land');
    expect(households.body.features.every((f: { properties: { gridId: number } }) => f.properties.gridId === 4)).toBe(true);
    // No community lies inside a grid: nothing to suggest, and only its own households are counted.
    const suggestions = await getJson(worker(), '/api/coverage/suggestions?kind=medical');
    expect(suggestions.body.suggestions).toEqual([]);
    expect(suggestions.body.uncoveredBefore).toBeLessThanOrEqual(3);
    const all = await getJson(t.current.app, '/api/coverage/suggestions?kind=medical');
    expect(all.body.uncoveredBefore).toBeGreaterThan(suggestions.body.uncoveredBefore);
  });

  it('may not read the planner\'s grid history or the staff of another grid', async () => {
    expect((await getJson(worker(), '/api/grid-versions?community=3')).status).toBe(403);
    expect((await getJson(worker(), '/api/areas/5/staff')).status).toBe(403);
  });
});

describe('an official (read-only)', () => {
  const t = useTinyCountyApp();

  it('gets a key-group count below 5 withheld, where the command centre gets the number', async () => {
    const official = await getJson(t.current.as('official'), '/api/areas/4');
    const county = await getJson(t.current.as('county_command'), '/api/areas/4');
    expect(county.body.properties.keyGroupHouseholds).toBe(1); // household 1, a released prisoner
    expect(official.body.properties.keyGroupHouseholds).toBeNull();
  });
});
