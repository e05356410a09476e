import { errorBodySchema, mediationPointCollectionSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';
import { walkPages } from '../test/walk-pages.ts';

describe('GET /api/mediation-points', () => {
  const t = useTinyCountyApp();

  it('returns the points with their hours and the dispute kinds they take', async () => {
    const page = mediationPointCollectionSchema.parse((await getJson(t.current.app, '/api/mediation-points')).body);
    expect(page.features.map((f) => f.properties.kind)).toEqual(['conflict_centre', 'people_committee', 'police_joint']);
    expect(page.features[1].properties.disputeKinds).toEqual(['neighbour', 'family', 'land']);
    expect(page.features[1].geometry.coordinates).toEqual([120.04, 29.04]);
  });

  it('filters by kind and by bbox', async () => {
    const byKind = mediationPointCollectionSchema.parse(
      (await getJson(t.current.app, '/api/mediation-points?kind=police_joint,court')).body,
    );
    expect(byKind.features.map((f) => f.id)).toEqual([3]);
    const byBbox = mediationPointCollectionSchema.parse(
      (await getJson(t.current.app, '/api/mediation-points?bbox=120.0,29.0,120.1,29.1')).body,
    );
    expect(byBbox.features.map((f) => f.id)).toEqual([2]);
  });

  it('pages through every point once', async () => {
    const pages = await walkPages(t.current.app, '/api/mediation-points?limit=1');
    expect(pages.flatMap((p) => p.features.map((f: { id: number }) => f.id))).toEqual([1, 2, 3]);
  });

  it('answers 400 naming the field for an unknown kind', async () => {
    const { status, body } = await getJson(t.current.app, '/api/mediation-points?kind=temple');
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ field: 'kind' });
  });
});
