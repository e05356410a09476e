import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { buildPointCloud } from '@gridmap/shared/geo/points-within';
import { coverageByArea, coveredKinds, DEFAULT_COVERAGE_DISTANCE_M, kindBit } from '@gridmap/shared/mediation/coverage';
import { greedyCoverage } from '@gridmap/shared/mediation/greedy-coverage';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { median, printTable, runWhenMain } from './bench-utils.ts';

// Issue 5: coverage of the whole demo county's households by its mediation points, in process.
// Goal: the figures of every grid, town and the county, for every dispute kind, in under a second.
// Run: `npx tsx scripts/bench/coverage.ts` (or `pnpm bench`; the HTTP figures are in nearest.ts).

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NOW = '2026-11-01T00:00:00.000Z';

function timeMs<T>(run: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = run();
  return { ms: performance.now() - t0, value };
}

export async function main(): Promise<void> {
  const data = generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: 1, now: new Date(NOW) });
  const lon = Float64Array.from(data.households, (h) => h.lon);
  const lat = Float64Array.from(data.households, (h) => h.lat);
  const gridOf = Float64Array.from(data.households, (h) => h.gridId);
  const parentOf = new Map(data.areas.map((a) => [a.id, a.parentId]));
  const rows: [string, string | number, string, string?][] = [];

  const build = [] as number[];
  const masks = [] as number[];
  const figures = [] as number[];
  let cloud = buildPointCloud(lon, lat);
  let mask: Uint16Array = new Uint16Array(0);
  for (let r = 0; r < RUNS; r++) {
    const b = timeMs(() => buildPointCloud(lon, lat));
    cloud = b.value;
    build.push(b.ms);
    const m = timeMs(() => coveredKinds(cloud, data.mediationPoints, DEFAULT_COVERAGE_DISTANCE_M));
    mask = m.value;
    masks.push(m.ms);
    figures.push(timeMs(() => coverageByArea(mask, gridOf, parentOf)).ms);
  }
  const total = median(masks) + median(figures);
  rows.push(['index of household positions (kdbush)', median(build), 'ms', `${data.households.length.toLocaleString('en')} households; once per start`]);
  rows.push(['covered kinds of every household (3 km)', median(masks), 'ms', `${data.mediationPoints.length} points, radius queries`]);
  rows.push(['figures of every area, 10 kinds', median(figures), 'ms', `${data.areas.length.toLocaleString('en')} areas`]);
  rows.push(['coverage of the whole county at a new distance', total, 'ms', `goal < 1,000 ms: ${total < 1000 ? 'met' : 'NOT met'}`]);

  const bit = kindBit('labour');
  const served = new Set(data.mediationPoints.filter((p) => p.disputeKinds.includes('labour')).map((p) => p.areaId));
  const candidates = data.areas
    .filter((a) => a.level === 'community' && !served.has(a.id))
    .map((a) => ({ id: a.id, lon: a.labelPoint[0], lat: a.labelPoint[1] }));
  const greedy: number[] = [];
  let covered = 0;
  for (let r = 0; r < RUNS; r++) {
    const g = timeMs(() => greedyCoverage(cloud, (i) => (mask[i] & bit) === 0, candidates, DEFAULT_COVERAGE_DISTANCE_M, 10));
    greedy.push(g.ms);
    covered = g.value.reduce((s, p) => s + p.households.length, 0);
  }
  let uncovered = 0;
  for (let i = 0; i < mask.length; i++) if ((mask[i] & bit) === 0) uncovered++;
  rows.push(['greedy suggestion, labour, 10 places', median(greedy), 'ms', `${candidates.length} candidates; covers ${covered.toLocaleString('en')} of ${uncovered.toLocaleString('en')} uncovered`]);
  printTable('Coverage (issue 5)', rows);
}

runWhenMain(import.meta.url, main);
