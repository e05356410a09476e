import { HOUSEHOLD_POINT_MIN_ZOOM, INCIDENT_POINT_MIN_ZOOM, TILE_EXTENT } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { decodeTile, tileOf } from '../test/decode-tile.ts';
import { useTinyCountyApp } from '../test/test-app.ts';
import { tinyCounty } from '../test/tiny-county.ts';
import { tileBbox } from '../tiles/mercator.ts';

const GZIP = { 'Accept-Encoding': 'gzip, deflate' };

describe('GET /api/tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  const t = useTinyCountyApp();

  const tile = async (path: string, headers: Record<string, string> = GZIP) => {
    const res = await t.current.app.request(path, { headers });
    return { res, body: new Uint8Array(await res.arrayBuffer()) };
  };

  it('bins the households of a z10 tile so that the counts add up to the points in its bbox', async () => {
    const households = tinyCounty().households;
    const { x: x0, y: y0 } = tileOf(120.0, 29.2, 10);
    const { x: x1, y: y1 } = tileOf(120.2, 29.0, 10);
    let total = 0;
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const [minLon, minLat, maxLon, maxLat] = tileBbox(10, x, y);
        const inside = households.filter((h) => h.lon >= minLon && h.lon < maxLon && h.lat > minLat && h.lat <= maxLat);
        const { res, body } = await tile(`/api/tiles/households/10/${x}/${y}.mvt`);
        if (inside.length === 0) {
          expect(res.status).toBe(204);
          continue;
        }
        expect(res.status).toBe(200);
        const features = decodeTile(body).households;
        expect(features.every((f) => f.id === undefined && typeof f.properties.count === 'number')).toBe(true);
        expect(features.reduce((sum, f) => sum + (f.properties.count as number), 0)).toBe(inside.length);
        total += inside.length;
      }
    }
    expect(total).toBe(households.length);
  });

  it('sends each household as its own feature at street zoom, with its properties', async () => {
    const z = HOUSEHOLD_POINT_MIN_ZOOM + 2;
    const { x, y } = tileOf(120.02, 29.02, z);
    const { res, body } = await tile(`/api/tiles/households/${z}/${x}/${y}.mvt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const features = decodeTile(body).households;
    expect(features).toHaveLength(1);
    expect(features[0].id).toBe(1);
    // Household 1 is tagged migrant and released_prisoner: the key group is not told.
    expect(features[0].properties).toEqual({ id: 1, size: 2, migrant: 1 });
    expect(features[0].x).toBeGreaterThanOrEqual(0);
    expect(features[0].x).toBeLessThan(TILE_EXTENT);
  });

  it('sends incidents with kind, status, overdue and reported day at incident zoom', async () => {
    const z = INCIDENT_POINT_MIN_ZOOM;
    const { x, y } = tileOf(120.021, 29.021, z);
    const { body } = await tile(`/api/tiles/incidents/${z}/${x}/${y}.mvt`);
    const byId = new Map(decodeTile(body).incidents.map((f) => [f.id, f.properties]));
    expect(byId.get(2)).toMatchObject({ kind: 'family', status: 'mediating', overdue: 1, reportedDay: '2025-04-01' });
    expect(byId.get(1)).toMatchObject({ kind: 'neighbour', status: 'reported', overdue: 0, severity: 2 });
  });

  it('gives the reported day as the county day (UTC+8), not the UTC day', async () => {
    // Incident 7 was reported at 2024-12-31T23:00Z, 07:00 on 1 January in the county.
    const z = INCIDENT_POINT_MIN_ZOOM;
    const { x, y } = tileOf(120.121, 29.121, z);
    const { body } = await tile(`/api/tiles/incidents/${z}/${x}/${y}.mvt`);
    const byId = new Map(decodeTile(body).incidents.map((f) => [f.id, f.properties]));
    expect(byId.get(7)).toMatchObject({ reportedDay: '2025-01-01' });
  });

  it('counts open incidents in the bins below incident zoom', async () => {
    const { x, y } = tileOf(120.1, 29.1, 8);
    const { body } = await tile(`/api/tiles/incidents/8/${x}/${y}.mvt`);
    const bins = decodeTile(body).incidents;
    expect(bins.reduce((s, f) => s + (f.properties.count as number), 0)).toBe(8);
    expect(bins.reduce((s, f) => s + (f.properties.open as number), 0)).toBe(4);
  });

  it('answers 304 when If-None-Match holds the ETag, and sends Cache-Control', async () => {
    const { x, y } = tileOf(120.1, 29.1, 8);
    const path = `/api/tiles/households/8/${x}/${y}.mvt`;
    const first = await tile(path);
    const etag = first.res.headers.get('ETag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get('Cache-Control')).toBe('private, max-age=60');
    const again = await tile(path, { ...GZIP, 'If-None-Match': etag });
    expect(again.res.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('sends the tile unencoded to a client that does not accept gzip', async () => {
    const { x, y } = tileOf(120.1, 29.1, 8);
    const { res, body } = await tile(`/api/tiles/households/8/${x}/${y}.mvt`, {});
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(body[0]).not.toBe(0x1f);
    expect(decodeTile(body).households.length).toBeGreaterThan(0);
  });

  it('answers 204 for a tile without features', async () => {
    const { res } = await tile('/api/tiles/households/10/0/0.mvt');
    expect(res.status).toBe(204);
  });

  it('answers 401 with a request id to a tile asked for without a session', async () => {
    const { x, y } = tileOf(120.1, 29.1, 8);
    const res = await t.current.anonymous.request(`/api/tiles/households/8/${x}/${y}.mvt`, { headers: GZIP });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { code: string; requestId: string };
    expect(body.code).toBe('unauthorized');
    expect(body.requestId).toBe(res.headers.get('X-Request-Id'));
  });

  it("draws a scoped account's area tiles with the areas inside its area only", async () => {
    const { x, y } = tileOf(120.1, 29.1, 10);
    const ids = async (app: typeof t.current.app) => {
      const res = await app.request(`/api/tiles/areas/grid/10/${x}/${y}.mvt`, { headers: GZIP });
      expect(res.status).toBe(200);
      return decodeTile(new Uint8Array(await res.arrayBuffer())).grid.map((f) => f.id).sort();
    };
    expect(await ids(t.current.app)).toEqual([4, 5, 6, 7]);
    expect(await ids(t.current.as('grid_worker', 4))).toEqual([4]);
  });

  it.each([
    ['/api/tiles/roads/1/0/0.mvt', 'layer'],
    ['/api/tiles/households/19/0/0.mvt', 'z'],
    ['/api/tiles/households/a/0/0.mvt', 'z'],
    ['/api/tiles/households/2/4/0.mvt', 'x'],
    ['/api/tiles/households/2/0/4.mvt', 'y'],
    ['/api/tiles/households/2/0/1.png', 'y'],
    ['/api/tiles/households/2/-1/1.mvt', 'x'],
  ])('answers 400 for %s naming %s', async (path, field) => {
    const res = await t.current.app.request(path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field?: string }).field).toBe(field);
  });
});
