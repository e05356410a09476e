import { areaCollectionSchema, areaDetailSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { openTestSession, signedIn, useTempDatabases, useTinyCountyApp } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

const revalidate = (etag: string) => ({ headers: { 'If-None-Match': etag } });

describe('revalidating /api/areas', () => {
  const t = useTinyCountyApp();

  it('sends a weak ETag and asks clients to revalidate every time', async () => {
    for (const path of ['/api/areas?level=grid', '/api/areas/4']) {
      const res = await t.current.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('ETag')).toMatch(/^W\/"[\w-]+"$/);
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('answers 304 with no body to the ETag it gave out, keeping the validators', async () => {
    const first = await t.current.app.request('/api/areas');
    const etag = first.headers.get('ETag')!;
    const again = await t.current.app.request('/api/areas', revalidate(etag));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('matches the tag in a list, strong or weak, and *', async () => {
    const etag = (await t.current.app.request('/api/areas')).headers.get('ETag')!;
    const strong = etag.replace(/^W\//, '');
    for (const header of [`"other", ${etag}`, strong, '*']) {
      expect((await t.current.app.request('/api/areas', revalidate(header))).status).toBe(304);
    }
    expect((await t.current.app.request('/api/areas', revalidate('W/"other"'))).status).toBe(200);
  });

  it('keeps the ETag across reads, even with gzip', async () => {
    const etags = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.current.app.request('/api/areas', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('Content-Encoding')).toBe('gzip');
      etags.push(res.headers.get('ETag'));
    }
    expect(new Set(etags).size).toBe(1);
  });

  it('changes the ETag after a write, so that a stale copy gets the new data', async () => {
    const before = (await t.current.app.request('/api/areas?level=grid')).headers.get('ETag')!;
    t.current.db.prepare(`UPDATE areas SET name = '新网格' WHERE id = 4`).run();
    const after = await t.current.app.request('/api/areas?level=grid', revalidate(before));
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(before);
    expect(areaCollectionSchema.parse(await after.json()).features[0].properties.name).toBe('新网格');
  });

  it('keeps the ETag through a write that changes no open count the list shows, and changes it with one that does', async () => {
    const grids = async (init?: RequestInit) => t.current.app.request('/api/areas?level=grid', init);
    const openIn4 = async (res: Response) => areaCollectionSchema.parse(await res.json()).features.find((f) => f.id === 4)!.properties.openIncidents;
    const first = await grids();
    const before = first.headers.get('ETag')!;
    const openBefore = await openIn4(first);
    // Incident 1 (grid 4) is reported: accepting it leaves it open.
    const accepted = await t.current.app.request('/api/incidents/1/transitions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ transition: 'accept', actor: '县综治中心', expectedVersion: 1 }),
    });
    expect(accepted.status).toBe(200);
    expect((await grids(revalidate(before))).status).toBe(304);
    t.current.db.prepare(`UPDATE incidents SET status = 'closed' WHERE id = 1`).run();
    const after = await grids(revalidate(before));
    expect(after.status).toBe(200);
    expect(await openIn4(after)).toBe(openBefore - 1);
  });

  it('still validates the query before answering 304', async () => {
    const etag = (await t.current.app.request('/api/areas')).headers.get('ETag')!;
    expect((await t.current.app.request('/api/areas?level=village', revalidate(etag))).status).toBe(400);
    expect((await t.current.app.request('/api/areas/999', revalidate(etag))).status).toBe(404);
  });
});

describe('revalidating /api/areas/:id as the clock moves', () => {
  const temps = useTempDatabases();

  it('changes the ETag when an open incident passes its deadline, with no write', async () => {
    const { db } = temps.create();
    seedCounty(db, tinyCounty());
    let now = new Date(TINY_NOW);
    const bare = createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => now } });
    let app = signedIn(bare, openTestSession(db, 'admin', now));

    const first = await app.request('/api/areas/4');
    expect(areaDetailSchema.parse(await first.json()).properties.overdueIncidents).toBe(1);
    const etag = first.headers.get('ETag')!;
    expect((await app.request('/api/areas/4', revalidate(etag))).status).toBe(304);

    // Incident 1 (grid 4, reported) is due on 2025-06-09.
    now = new Date('2025-06-10T00:00:00Z');
    app = signedIn(bare, openTestSession(db, 'admin', now)); // the first session has expired by then
    const later = await app.request('/api/areas/4', revalidate(etag));
    expect(later.status).toBe(200);
    expect(later.headers.get('ETag')).not.toBe(etag);
    expect(areaDetailSchema.parse(await later.json()).properties.overdueIncidents).toBe(2);
  });
});
