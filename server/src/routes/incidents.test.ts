import { errorBodySchema, incidentCollectionSchema, incidentFeatureSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';
import { walkPages } from '../test/walk-pages.ts';

describe('GET /api/incidents', () => {
  const t = useTinyCountyApp();

  const ids = async (query: string) => {
    const { status, body } = await getJson(t.current.app, `/api/incidents?${query}`);
    expect(status, JSON.stringify(body)).toBe(200);
    return incidentCollectionSchema.parse(body).features.map((f) => f.id);
  };

  it('walks the whole layer exactly once', async () => {
    const pages = await walkPages(t.current.app, '/api/incidents?limit=3');
    const all = pages.flatMap((p) => incidentCollectionSchema.parse(p).features.map((f) => f.id));
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('filters by comma lists of kinds and statuses', async () => {
    expect(await ids('kind=neighbour')).toEqual([1, 5]);
    expect(await ids('kind=neighbour,debt')).toEqual([1, 5, 8]);
    expect(await ids('status=reported,accepted,failed')).toEqual([1, 4, 6]);
    expect(await ids('kind=neighbour&status=resolved')).toEqual([5]);
  });

  it('reads bare dates as county days (UTC+8), a date-only `to` including its whole day', async () => {
    // Incident 7 was reported at 2024-12-31T23:00Z: 07:00 on 1 January in the county.
    expect(await ids('from=2025-01-01')).toEqual([1, 2, 4, 6, 7, 8]);
    expect(await ids('from=2025-01-01&to=2025-01-01')).toEqual([7, 8]);
    expect(await ids('from=2024-12-31&to=2024-12-31')).toEqual([]);
    expect(await ids('to=2024-12-31')).toEqual([3, 5]);
  });

  it('takes date-times with a zone as the instants they state', async () => {
    expect(await ids('to=2025-01-01T09:00:00%2B08:00')).toEqual([3, 5, 7]);
    expect(await ids('from=2024-12-31T23:00:00Z&to=2025-01-01T01:00:00Z')).toEqual([7]);
  });

  it('accepts from equal to to, an empty span for instants and one whole day for dates', async () => {
    expect(await ids('from=2025-01-01T01:00:00Z&to=2025-01-01T01:00:00Z')).toEqual([]);
    expect(await ids('from=2025-05-25&to=2025-05-25')).toEqual([1]);
  });

  it('filters by an area of any level', async () => {
    expect(await ids('areaId=5')).toEqual([3, 4]);
    expect(await ids('areaId=2')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('answers 400 naming areaId when no area has that id', async () => {
    const { status, body } = await getJson(t.current.app, '/api/incidents?areaId=999');
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ field: 'areaId', message: 'no area with id 999' });
  });

  it('answers 400 naming from when from is after to', async () => {
    for (const query of ['from=2025-02-01&to=2025-01-31', 'from=2025-01-01T10:00Z&to=2025-01-01T09:59Z']) {
      const { status, body } = await getJson(t.current.app, `/api/incidents?${query}`);
      expect(status, query).toBe(400);
      expect(errorBodySchema.parse(body)).toMatchObject({ field: 'from', message: 'from is after to' });
    }
  });

  it('filters by bbox', async () => {
    expect(await ids('bbox=120.1,29.1,120.2,29.2')).toEqual([7, 8]);
  });

  it('marks open incidents past their deadline as overdue', async () => {
    const { body } = await getJson(t.current.app, '/api/incidents');
    const overdue = incidentCollectionSchema.parse(body).features.filter((f) => f.properties.overdue).map((f) => f.id);
    expect(overdue).toEqual([2, 4]);
  });

  it('carries the grid of every incident', async () => {
    const { body } = await getJson(t.current.app, '/api/incidents?limit=1');
    expect(incidentCollectionSchema.parse(body).features[0].properties).toMatchObject({ gridId: 4, householdId: 1 });
  });

  it.each([
    ['kind=fight', 'kind'],
    ['kind=', 'kind'],
    ['status=open', 'status'],
    ['from=yesterday', 'from'],
    ['to=2025-13-45', 'to'],
    ['from=2024-02-30', 'from'],
    ['to=2025-13-01', 'to'],
    ['from=2025-01-01T24:00Z', 'from'],
    ['areaId=1e3', 'areaId'],
    ['areaId=0x10', 'areaId'],
    ['areaId=007', 'areaId'],
    ['areaId=', 'areaId'],
    ['areaId=9007199254740992', 'areaId'],
    ['areaid=5', 'areaid'],
    ['limit=', 'limit'],
    ['limit=1e3', 'limit'],
    ['limit=0x10', 'limit'],
    ['limit=0', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=2&limit=3', 'limit'],
    ['areaId=x', 'areaId'],
    ['limit=10001', 'limit'],
    ['bbox=120,29,120,29', 'bbox'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.current.app, `/api/incidents?${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'bad_request', field });
  });
});

describe('GET /api/incidents/:id', () => {
  const t = useTinyCountyApp();

  it('marks a single open incident past its deadline as overdue, by the app clock', async () => {
    const overdue = incidentFeatureSchema.parse((await getJson(t.current.app, '/api/incidents/2')).body);
    expect(overdue.properties).toMatchObject({ id: 2, status: 'mediating', overdue: true, gridId: 4 });
    const onTime = incidentFeatureSchema.parse((await getJson(t.current.app, '/api/incidents/1')).body);
    expect(onTime.properties.overdue).toBe(false);
  });
});
