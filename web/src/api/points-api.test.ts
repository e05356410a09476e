import type { MediationPointProperties } from '@gridmap/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchMediationPoints, MEDIATION_POINT_PAGE_LIMIT } from './points-api.ts';

/** A mediation point as the API sends it; only the id varies. */
function point(id: number) {
  const properties: MediationPointProperties = {
    id, kind: 'people_committee', level: 'community', areaId: 3, name: `调委会 ${id}`, address: '浦阳路 1 号',
    hours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' }], disputeKinds: ['neighbour'], mediators: 2,
    phone: '0575-8700****', closedAt: null,
  };
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [120.2, 29.7] }, properties };
}

/**
 * Fakes the network boundary, `fetch`: answers `/api/mediation-points` a page at a time from
 * `total` points, `pageSize` at most per page whatever `limit` asks, with the id as the cursor.
 */
function fakeApi(total: number, pageSize: number) {
  const urls: URL[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input, 'http://gridmap.test');
    urls.push(url);
    const after = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit')), pageSize);
    const ids = Array.from({ length: total }, (_, i) => i + 1).filter((id) => id > after).slice(0, limit);
    const last = ids.at(-1);
    const body = {
      type: 'FeatureCollection',
      features: ids.map(point),
      numberReturned: ids.length,
      nextCursor: last !== undefined && last < total ? String(last) : null,
      links: [],
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchMediationPoints', () => {
  it('gets a county’s points in one request of the largest page', async () => {
    const urls = fakeApi(224, MEDIATION_POINT_PAGE_LIMIT);
    const all = await fetchMediationPoints();
    expect(all.features).toHaveLength(224);
    expect(urls.map((u) => u.search)).toEqual([`?limit=${MEDIATION_POINT_PAGE_LIMIT}`]);
  });

  it('follows nextCursor to the last page when the server pages smaller', async () => {
    const urls = fakeApi(2_345, 1_000);
    const all = await fetchMediationPoints();
    expect(all.features.map((f) => f.id)).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1));
    expect(all).toMatchObject({ numberReturned: 2_345, nextCursor: null });
    expect(urls.map((u) => u.searchParams.get('cursor'))).toEqual([null, '1000', '2000']);
  });
});
