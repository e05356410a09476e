import { errorBodySchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';

const LIST_ROUTES = ['/api/areas', '/api/households', '/api/incidents', '/api/mediation-points'];

describe('query parameters of the list routes', () => {
  const t = useTinyCountyApp();

  it.each(LIST_ROUTES)('%s answers 400 naming an unknown parameter rather than ignoring it', async (route) => {
    const { status, body } = await getJson(t.current.app, `${route}?areaid=5`);
    expect(status).toBe(400);
    const error = errorBodySchema.parse(body);
    expect(error).toMatchObject({ code: 'bad_request', field: 'areaid' });
    expect(error.message).toMatch(/^unknown query parameter 'areaid'; this route reads /);
  });

  it.each(LIST_ROUTES)('%s answers 400 saying a parameter was given more than once', async (route) => {
    const { status, body } = await getJson(t.current.app, `${route}?bbox=120,29,121,30&bbox=120,29,121,30`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({
      field: 'bbox',
      message: "query parameter 'bbox' was given more than once (2 times)",
    });
  });

  it('answers 400 for a repeated limit, even when both values are valid', async () => {
    const { status, body } = await getJson(t.current.app, '/api/incidents?limit=2&limit=3');
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body).message).toMatch(/given more than once/);
  });
});
