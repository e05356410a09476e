import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { errorBodySchema, incidentListSchema, OPEN_STATUSES, type CountyData } from '@gridmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { createTestApp, getJson, type TestApp } from '../test/test-app.ts';
import { walkPages } from '../test/walk-pages.ts';

const TEST_SIZE = 0.03;
const NOW = '2026-01-01T00:00:00.000Z';

let data: CountyData;
let t: TestApp;
beforeAll(async () => {
  data = await generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: TEST_SIZE, now: NOW });
  t = createTestApp(data, NOW);
});
afterAll(() => t?.close());

const town = () => data.areas.find((a) => a.level === 'town')!;
const inTown = (townId: number) => {
  const communities = new Set(data.areas.filter((a) => a.parentId === townId).map((a) => a.id));
  const grids = new Set(data.areas.filter((a) => a.parentId !== null && communities.has(a.parentId)).map((a) => a.id));
  return data.incidents.filter((i) => grids.has(i.gridId));
};
const features = (pages: any[]) => pages.flatMap((p) => incidentListSchema.parse(p).features);

describe('GET /api/incidents sorted and paged', () => {
  it.each(['-reportedAt', 'reportedAt', 'deadlineAt', '-deadlineAt', 'severity', '-severity', '-id'] as const)(
    'pages through an area in %s order, every incident once',
    async (sort) => {
      const pages = await walkPages(t.app, `/api/incidents?areaId=${town().id}&sort=${sort}&limit=37`);
      const got = features(pages);
      const expected = inTown(town().id);
      expect(got.length).toBe(expected.length);
      expect(new Set(got.map((f) => f.id)).size).toBe(expected.length);
      const key = sort.replace('-', '') as 'reportedAt' | 'deadlineAt' | 'severity' | 'id';
      const value = (f: (typeof got)[number]) => (key === 'id' ? f.id : f.properties[key]);
      const sign = sort.startsWith('-') ? -1 : 1;
      for (let i = 1; i < got.length; i++) {
        const [a, b] = [value(got[i - 1]), value(got[i])];
        const order = a < b ? -1 : a > b ? 1 : Math.sign(got[i - 1].id - got[i].id);
        expect(order * sign, `${sort} at ${i}`).toBe(-1);
      }
      expect(incidentListSchema.parse(pages[0]).numberMatched).toBe(expected.length);
    },
  );

  it('filters by handling level and overdue', async () => {
    const pages = await walkPages(t.app, `/api/incidents?areaId=${town().id}&level=community,town&overdue=true&limit=500`);
    const got = features(pages);
    const expected = inTown(town().id).filter(
      (i) => ['community', 'town'].includes(i.level) && OPEN_STATUSES.includes(i.status) && i.deadlineAt < NOW,
    );
    expect(got.map((f) => f.id).sort((a, b) => a - b)).toEqual(expected.map((i) => i.id).sort((a, b) => a - b));
    expect(got.every((f) => f.properties.overdue)).toBe(true);
  });

  it.each([
    ['sort=priority', 'sort'],
    ['level=village', 'level'],
    ['overdue=yes', 'overdue'],
    ['sort=-reportedAt&cursor=MTI', 'cursor'],
    ['cursor=WyItcmVwb3J0ZWRBdCIsIjIwMjUiLDFd', 'cursor'], // a -reportedAt cursor given to the id order
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await getJson(t.app, `/api/incidents?${query}`);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body).field).toBe(field);
  });
});

describe('GET /api/exports', () => {
  it('exports the selection as CSV with a BOM, one line per incident, Chinese text intact', async () => {
    const res = await t.app.request(`/api/exports/incidents.csv?areaId=${town().id}&sort=-reportedAt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment; filename="incidents-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n').filter((line, i, all) => !(line === '' && i === all.length - 1));
    expect(lines[0]).toMatch(/^id,kind,status,/);
    const expected = inTown(town().id);
    // Descriptions hold no line breaks, so each record is one line.
    expect(lines.length - 1).toBe(expected.length);
    expect(lines[1]).toContain(town().name);
  });

  it('exports the same selection as GeoJSON', async () => {
    const res = await t.app.request(`/api/exports/incidents.geojson?areaId=${town().id}&kind=neighbour`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { features: { properties: { kind: string } }[] };
    expect(body.features.length).toBe(inTown(town().id).filter((i) => i.kind === 'neighbour').length);
    expect(body.features.every((f) => f.properties.kind === 'neighbour')).toBe(true);
  });

  it('answers 400 naming a bad filter of an export, and rejects paging parameters', async () => {
    for (const [query, field] of [['status=lost', 'status'], ['limit=10', 'limit'], ['areaId=999999', 'areaId']]) {
      const { status, body } = await getJson(t.app, `/api/exports/incidents.csv?${query}`);
      expect(status).toBe(400);
      expect(errorBodySchema.parse(body).field).toBe(field);
    }
  });
});
