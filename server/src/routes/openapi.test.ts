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

  it('describes every GET route of the API, and nothing the API does not have', async () => {
    const { body } = await getJson(t.current.app, '/api/openapi.json');
    const documented = new Set(Object.keys(body.paths).map(normalise));
    const routed = new Set(
      t.current.app.routes
        .filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && !r.path.includes('*'))
        .map((r) => normalise(r.path)),
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
    expect(names('/api/incidents')).toEqual(['bbox', 'from', 'to', 'kind', 'status', 'areaId', 'limit', 'cursor']);
    expect(names('/api/households')).toEqual(['bbox', 'gridId', 'limit', 'cursor']);
    expect(names('/api/areas')).toEqual(['level', 'parent', 'bbox']);
  });
});
