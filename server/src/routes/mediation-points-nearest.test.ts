import { errorBodySchema, nearestMediationCollectionSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';

/** Ids and distances of a nearest answer (distances rounded to the metre for reading). */
async function nearest(app: Parameters<typeof getJson>[0], path: string) {
  const { status, body } = await getJson(app, path);
  expect(status).toBe(200);
  const collection = nearestMediationCollectionSchema.parse(body);
  return { collection, ids: collection.features.map((f) => f.id), metres: collection.features.map((f) => Math.round(f.properties.distanceM)) };
}

describe('GET /api/mediation-points/nearest', () => {
  const t = useTinyCountyApp();

  it('returns the plain k nearest with their great-circle distances when no filter is given', async () => {
    // From (120.02, 29.02) the committee at (120.04, 29.04) lies 0.02° north (2,224 m) and 0.02° east
    // (1,945 m at this latitude): √(2224² + 1945²) ≈ 2,954 m.
    const { ids, metres, collection } = await nearest(t.current.app, '/api/mediation-points/nearest?lon=120.02&lat=29.02&k=2');
    expect(ids).toEqual([2, 1]);
    expect(metres[0]).toBe(2_954);
    expect(collection.features[0].properties).toMatchObject({ name: '小村人民调解委员会', phone: '0575-87000002', closedAt: null });
    expect(collection.query).toEqual({ lon: 120.02, lat: 29.02, k: 2, disputeKind: null, openAt: null, level: null, incidentId: null });
  });

  it('skips nearer points that do not take the dispute kind', async () => {
    // Only the county centre takes labour disputes; only the police room takes traffic accidents.
    expect((await nearest(t.current.app, '/api/mediation-points/nearest?lon=120.02&lat=29.02&k=3&disputeKind=labour')).ids).toEqual([1]);
    expect((await nearest(t.current.app, '/api/mediation-points/nearest?lon=120.02&lat=29.02&k=3&disputeKind=traffic')).ids).toEqual([3]);
    expect((await nearest(t.current.app, '/api/mediation-points/nearest?lon=120.02&lat=29.02&k=3&disputeKind=medical')).ids).toEqual([]);
  });

  it('keeps only points open at openAt, read on the county clock', async () => {
    // The tiny county's points open Mon–Fri 08:30–17:00. Monday 10:00 in the county: all three.
    const monday = encodeURIComponent('2025-06-02T10:00+08:00');
    expect((await nearest(t.current.app, `/api/mediation-points/nearest?lon=120.1&lat=29.1&openAt=${monday}`)).ids).toHaveLength(3);
    // Monday 01:00 UTC is 09:00 in the county (open); Sunday 23:00 in the county is closed.
    expect((await nearest(t.current.app, '/api/mediation-points/nearest?lon=120.1&lat=29.1&openAt=2025-06-02T01:00:00Z')).ids).toHaveLength(3);
    const lateSunday = encodeURIComponent('2025-06-01T23:00+08:00');
    expect((await nearest(t.current.app, `/api/mediation-points/nearest?lon=120.1&lat=29.1&openAt=${lateSunday}`)).ids).toEqual([]);
  });

  it('keeps only points of the level asked for', async () => {
    expect((await nearest(t.current.app, '/api/mediation-points/nearest?lon=120.02&lat=29.02&level=town')).ids).toEqual([3]);
  });

  it.each([
    ['lat=29.1', 'lon'],
    ['lon=120.1&lat=91', 'lat'],
    ['lon=1e2&lat=29', 'lon'],
    ['lon=120.1&lat=29.1&k=0', 'k'],
    ['lon=120.1&lat=29.1&k=51', 'k'],
    ['lon=120.1&lat=29.1&disputeKind=fight', 'disputeKind'],
    ['lon=120.1&lat=29.1&openAt=2025-06-02', 'openAt'],
    ['lon=120.1&lat=29.1&level=village', 'level'],
    ['lon=120.1&lat=29.1&radius=5', 'radius'],
    ['lon=120.1&lat=29.1&k=2&k=3', 'k'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.current.app, `/api/mediation-points/nearest?${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'bad_request', field });
  });
});

describe('GET /api/incidents/:id/nearest-mediation', () => {
  const t = useTinyCountyApp();

  it("uses the incident's place and kind", async () => {
    // Incident 4 is a labour dispute in the south-east grid: only the county centre takes labour.
    const { ids, collection } = await nearest(t.current.app, '/api/incidents/4/nearest-mediation');
    expect(ids).toEqual([1]);
    expect(collection.query).toMatchObject({ disputeKind: 'labour', incidentId: 4, lon: 120.121, lat: 29.021 });
    // Incident 1 is a neighbour dispute: the committee is nearest, then the centre, then the police room.
    expect((await nearest(t.current.app, '/api/incidents/1/nearest-mediation?k=3')).ids).toEqual([2, 1, 3]);
  });

  it('answers 404 for an unknown incident and 400 for a filter it does not read', async () => {
    expect((await getJson(t.current.app, '/api/incidents/999/nearest-mediation')).status).toBe(404);
    const { status, body } = await getJson(t.current.app, '/api/incidents/1/nearest-mediation?disputeKind=labour');
    expect(status).toBe(400);
    expect(body).toMatchObject({ field: 'disputeKind' });
  });
});
