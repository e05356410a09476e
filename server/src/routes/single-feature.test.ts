import {
  errorBodySchema,
  householdCollectionSchema,
  householdFeatureSchema,
  incidentCollectionSchema,
  incidentFeatureSchema,
  mediationPointCollectionSchema,
  mediationPointFeatureSchema,
} from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';

// The three point layers answer `GET /api/<layer>/:id` alike: the same Feature as the item of
// the collection (so masking and `overdue` agree), 404 for an unknown id, 400 naming `id`.
const LAYERS: [string, z.ZodType<{ id: number }>, z.ZodType<{ features: unknown[] }>, number][] = [
  ['/api/incidents', incidentFeatureSchema, incidentCollectionSchema, 8],
  ['/api/households', householdFeatureSchema, householdCollectionSchema, 12],
  ['/api/mediation-points', mediationPointFeatureSchema, mediationPointCollectionSchema, 3],
];

describe.each(LAYERS)('GET %s/:id', (base, featureSchema, collectionSchema, count) => {
  const t = useTinyCountyApp();

  it('answers every feature exactly as the collection carries it', async () => {
    const collection = collectionSchema.parse((await getJson(t.current.app, base)).body);
    expect(collection.features).toHaveLength(count);
    for (const feature of collection.features as { id: number }[]) {
      const { status, body, headers } = await getJson(t.current.app, `${base}/${feature.id}`);
      expect(status).toBe(200);
      expect(headers.get('Content-Type')).toMatch(/application\/geo\+json/);
      expect(featureSchema.parse(body)).toEqual(feature);
    }
  });

  it('answers 404 naming the id for an id it does not have', async () => {
    const { status, body } = await getJson(t.current.app, `${base}/${count + 1}`);
    expect(status).toBe(404);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'not_found', field: 'id' });
    expect(body.message).toContain(String(count + 1));
  });

  it.each(['abc', '1.5', '0', '-3', '1e3', '01'])('answers 400 naming the id for %s', async (id) => {
    const { status, body } = await getJson(t.current.app, `${base}/${id}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'bad_request', field: 'id' });
  });
});
