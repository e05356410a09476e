import { INCIDENT_POINT_MIN_ZOOM } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';

/** Hono `/api/areas/:id` and OpenAPI `/api/areas/{id}` both become `/api/areas/{}`. */
function normalise(path: string): string {
  return path.replace(/:\w+(\{[^}]*\})?/g, '{}').replace(/\{\w+\}/g, '{}').replace(/\.mvt$/, '');
}

describe('GET /api/openapi.json', () => {
  const t = useTinyCountyApp();

  it('is an OpenAPI 3.1 document with the shared response schemas', async () => {
    const { status, body } = await getJson(t.current.app, '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining([
        'Health',
        'ClientConfig',
        'AreaCollection',
        'AreaDetail',
        'IncidentCollection',
        'IncidentFeature',
        'HouseholdFeature',
        'MediationPointFeature',
        'ErrorBody',
      ]),
    );
  });

  it('resolves every schema reference to a component', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    const refs = [...JSON.stringify(body.paths).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((name) => !(name in body.components.schemas))).toEqual([]);
  });

  it('documents the revalidation of areas: If-None-Match in, ETag out, 304', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    for (const path of ['/api/areas', '/api/areas/{id}']) {
      const get = body.paths[path].get;
      expect(get.parameters.map((p: { name: string }) => p.name)).toContain('If-None-Match');
      expect(Object.keys(get.responses['200'].headers)).toEqual(['ETag', 'Cache-Control']);
      expect(get.responses).toHaveProperty('304');
    }
  });

  it('describes every route of the API, and nothing the API does not have', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    const documented = new Set(
      Object.entries(body.paths as Record<string, object>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${normalise(path)}`),
      ),
    );
    const routed = new Set(
      t.current.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
        .map((r) => `${r.method} ${normalise(r.path)}`),
    );
    expect(routed.size).toBeGreaterThanOrEqual(12);
    expect([...routed].filter((p) => !documented.has(p))).toEqual([]);
    expect([...documented].filter((p) => !routed.has(p))).toEqual([]);
  });

  it('documents every query parameter the list routes read', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    const names = (path: string) =>
      body.paths[path].get.parameters
        .filter((p: { in: string }) => p.in === 'query')
        .map((p: { name: string }) => p.name);
    expect(names('/api/incidents')).toEqual(['bbox', 'from', 'to', 'kind', 'status', 'level', 'overdue', 'areaId', 'sort', 'limit', 'cursor']);
    expect(names('/api/exports/incidents.csv')).toEqual(['bbox', 'from', 'to', 'kind', 'status', 'level', 'overdue', 'areaId', 'sort']);
    expect(names('/api/areas/{id}/children/stats')).toEqual(['figure', 'from', 'to']);
    expect(names('/api/households')).toEqual(['bbox', 'gridId', 'limit', 'cursor']);
    expect(names('/api/areas')).toEqual(['level', 'parent', 'bbox']);
  });

  it('states the county day, the strict query rules and the safe-integer ids', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    expect(body.info.description).toMatch(/given twice, is 400/);
    expect(body.info.description).toMatch(/Asia\/Shanghai, UTC\+8/);
    const param = (name: string) => body.paths['/api/incidents'].get.parameters.find((p: { name: string }) => p.name === name);
    expect(param('from').description).toMatch(/00:00 of that county day \(UTC\+8\)/);
    expect(param('areaId').schema).toEqual({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    expect(param('areaId').description).toMatch(/400 when no area has this id/);
  });

  it('says that key groups are left out of households and tiles, and gives the incident point zoom', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    const tiles = body.paths['/api/tiles/{layer}/{z}/{x}/{y}.mvt'].get.description;
    expect(tiles).toContain(`incidents ${INCIDENT_POINT_MIN_ZOOM})`);
    expect(tiles).toContain('no key-group flag');
    expect(tiles).not.toMatch(/keyGroup/);
    expect(body.paths['/api/households'].get.description).toMatch(/never a key group/);
  });
});
