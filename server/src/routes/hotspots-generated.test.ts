import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { hexCellAt } from '@gridmap/shared/hotspots/hex-study-area';
import { hotspotCollectionSchema, warningListSchema, type CountyData, type PlantedHotspot } from '@gridmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { createTestApp, getJson, type TestApp } from '../test/test-app.ts';

/** ~3 % of the full demo: ~1,900 incidents, 60 grids, 30 planted incidents per hot spot. */
const TEST_SIZE = 0.03;
const NOW = '2026-01-01T00:00:00.000Z';

let data: CountyData;
let t: TestApp;
beforeAll(async () => {
  data = await generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: TEST_SIZE, now: NOW });
  t = createTestApp(data, NOW);
});
afterAll(() => t?.close());

/** The query that looks at a planted hot spot as an analyst would: its kind, since it began. */
const plantedQuery = (h: PlantedHotspot) => `from=${h.from.slice(0, 10)}${h.kind ? `&kind=${h.kind}` : ''}`;

/** The grid holding most of the hot spot's incidents: those of its kind within its radius since it began. */
function plantedGrid(h: PlantedHotspot): number {
  const perGrid = new Map<number, number>();
  const mPerDegLat = 111_320;
  const mPerDegLon = mPerDegLat * Math.cos((h.lat * Math.PI) / 180);
  for (const i of data.incidents) {
    if ((h.kind && i.kind !== h.kind) || i.reportedAt < h.from) continue;
    if (Math.hypot((i.lon - h.lon) * mPerDegLon, (i.lat - h.lat) * mPerDegLat) > h.radiusM) continue;
    perGrid.set(i.gridId, (perGrid.get(i.gridId) ?? 0) + 1);
  }
  return [...perGrid].sort((a, b) => b[1] - a[1])[0][0];
}

describe('hot spots and warnings over a generated county', () => {
  it('finds every planted hot spot as a hot hexagon at 99 % after the FDR correction', async () => {
    expect(data.hotspots).toHaveLength(4);
    for (const h of data.hotspots) {
      for (const resolution of [8, 9]) {
        const { body } = await getJson(t.app, `/api/hotspots?unit=hex&resolution=${resolution}&${plantedQuery(h)}`);
        const answer = hotspotCollectionSchema.parse(body);
        const centre = answer.features.find((f) => f.properties.cell === hexCellAt(h.lon, h.lat, resolution));
        expect(centre?.properties.bin, `${h.name} at res ${resolution}`).toBe(3);
      }
      // Even unfiltered, among two years of every kind, the centre stands out.
      const { body } = await getJson(t.app, `/api/hotspots?unit=hex&resolution=8`);
      const centre = hotspotCollectionSchema.parse(body).features.find((f) => f.properties.cell === hexCellAt(h.lon, h.lat, 8));
      expect(centre?.properties.bin, h.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds every planted hot spot in its grid when grids are the cells', async () => {
    for (const h of data.hotspots) {
      const { body } = await getJson(t.app, `/api/hotspots?unit=grid&${plantedQuery(h)}`);
      const grid = hotspotCollectionSchema.parse(body).features.find((f) => f.properties.cell === String(plantedGrid(h)));
      expect(grid?.properties.bin, h.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('answers only the significant cells when asked, with the same figures as the full answer', async () => {
    const all = hotspotCollectionSchema.parse((await getJson(t.app, '/api/hotspots?unit=hex&resolution=9')).body);
    const some = hotspotCollectionSchema.parse((await getJson(t.app, '/api/hotspots?unit=hex&resolution=9&cells=significant')).body);
    expect(some.features.map((f) => f.properties)).toEqual(all.features.map((f) => f.properties).filter((p) => p.bin !== 0));
    expect({ ...some, features: [] }).toEqual({ ...all, features: [] });
  });

  it('marks no more cells significant with the FDR correction than without', async () => {
    const count = async (fdr: boolean) =>
      hotspotCollectionSchema
        .parse((await getJson(t.app, `/api/hotspots?unit=hex&resolution=9&fdr=${fdr}`)).body)
        .features.filter((f) => f.properties.bin !== 0).length;
    const [withFdr, without] = [await count(true), await count(false)];
    expect(withFdr).toBeGreaterThan(0);
    expect(withFdr).toBeLessThan(without);
  });

  it('warns of the planted rising cluster as a rising grid and an emerging hot spot, linking its cases', async () => {
    const rising = data.hotspots.find((h) => h.kind === null)!;
    const grid = plantedGrid(rising);
    const { status, body } = await getJson(t.app, '/api/warnings');
    expect(status).toBe(200);
    const list = warningListSchema.parse(body);
    const of = (type: string) => list.warnings.find((w) => w.type === type && w.gridId === grid);
    expect(of('rising_area')?.figures.rateRatio).toBeGreaterThanOrEqual(2);
    expect(of('emerging_hotspot')?.figures.confidence).toBeGreaterThanOrEqual(95);
    const ids = new Set(of('rising_area')!.incidentIds);
    const recent = data.incidents.filter((i) => i.gridId === grid && Date.parse(i.reportedAt) >= Date.parse(NOW) - 28 * 86_400_000);
    expect(ids).toEqual(new Set(recent.map((i) => i.id)));
    // Newest first, and the thresholds stated.
    expect(list.warnings.map((w) => w.at)).toEqual(list.warnings.map((w) => w.at).sort().reverse());
    expect(list.thresholds).toMatchObject({ RECENT_PERIOD_DAYS: 28, REPEAT_ADDRESS_MIN_COUNT: 3, NEAR_DEADLINE_HOURS: 72 });
  });

  it('raises no rising-area warning for a grid far from the rising cluster with few cases', async () => {
    const list = warningListSchema.parse((await getJson(t.app, '/api/warnings?type=rising_area')).body);
    for (const w of list.warnings) {
      expect(w.type).toBe('rising_area');
      expect(w.figures.recent).toBeGreaterThanOrEqual(5);
      expect(w.figures.qValue).toBeLessThanOrEqual(0.01);
    }
  });
});
