import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { classifyHotspots } from '@gridmap/shared/hotspots/classify-hotspots';
import { neighbourhoodFromLists } from '@gridmap/shared/hotspots/neighbourhood';
import { countyWeekNumber } from '@gridmap/shared';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { createApp } from '@gridmap/server/app';
import { openTestSession, signedIn } from '@gridmap/server/test/signed-in-app';
import { openDatabase } from '@gridmap/server/db/open-db';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { median, printTable, runWhenMain } from './bench-utils.ts';

// Figures of issue 4: Gi* for 100,000 and 1,000,000 incidents over ~10,000 and ~50,000 H3 cells
// (time and memory, goal < 300 ms for 1,000,000), and GET /api/hotspots over the full demo county
// at two H3 resolutions and on grids. Run: `pnpm bench` or `npx tsx scripts/bench/hotspots.ts`.

const RUNS = Number(process.env.BENCH_RUNS ?? 5); // repetitions per timed figure (median reported)
/** Study areas: H3 res-9 disks around 诸暨's centre; a k-ring disk of radius k has 3k(k+1)+1 cells. */
const DISKS = [
  { k: 58, label: '~10,000 cells' }, // 10,267 cells, ~1,080 km²
  { k: 129, label: '~50,000 cells' }, // 50,311 cells, ~5,300 km²
];
const INCIDENT_COUNTS = [100_000, 1_000_000];
const RESOLUTION = 9;
const CENTRE: [number, number] = [120.24, 29.71]; // lon, lat
/** Share of synthetic incidents in 40 Gaussian clusters (σ ≈ 600 m); the rest spread evenly. */
const CLUSTERED_SHARE = 0.6;

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

/** A deterministic random stream (mulberry32), so every run draws the same incidents. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticGiStar(rows: [string, string | number, string, string?][]): void {
  for (const disk of DISKS) {
    const cells = gridDisk(latLngToCell(CENTRE[1], CENTRE[0], RESOLUTION), disk.k);
    const indexOf = new Map(cells.map((c, i) => [c, i]));
    const built = time(() =>
      neighbourhoodFromLists(cells.map((c) => gridDisk(c, 1).flatMap((d) => (indexOf.has(d) ? [indexOf.get(d)!] : [])))),
    );
    const neighbourhood = built.value;
    const centres = cells.map((c) => cellToLatLng(c));
    for (const n of INCIDENT_COUNTS) {
      const rnd = random(n + disk.k);
      const clusters = Array.from({ length: 40 }, () => centres[Math.floor(rnd() * centres.length)]);
      // Columns as the server keeps them: report time (ms), kind (catalogue index), cell of each incident.
      const reportedMs = new Float64Array(n);
      const kind = new Uint8Array(n);
      const lat = new Float64Array(n);
      const lon = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let [y, x] = centres[Math.floor(rnd() * centres.length)];
        if (rnd() < CLUSTERED_SHARE) {
          const [cy, cx] = clusters[Math.floor(rnd() * clusters.length)];
          const g = Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()) * 0.006;
          const h = Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()) * 0.006;
          (y = cy + g), (x = cx + h);
        }
        lat[i] = y;
        lon[i] = x;
        reportedMs[i] = Date.UTC(2024, 0, 1) + rnd() * 730 * 86_400_000;
        kind[i] = Math.floor(rnd() * 10);
      }
      const indexed = time(() => {
        const cellOf = new Int32Array(n);
        for (let i = 0; i < n; i++) cellOf[i] = indexOf.get(latLngToCell(lat[i], lon[i], RESOLUTION)) ?? -1;
        return cellOf;
      });
      const cellOf = indexed.value;
      const from = Date.UTC(2025, 0, 1);
      const runs: number[] = [];
      let hot = 0;
      for (let r = 0; r < RUNS; r++) {
        const { ms, value } = time(() => {
          // What a request does once incidents are indexed: filter by window and kind, count, Gi*, BH, classes.
          const counts = new Float64Array(cells.length);
          for (let i = 0; i < n; i++) {
            if (reportedMs[i] < from || kind[i] === 9 || cellOf[i] < 0) continue;
            counts[cellOf[i]]++;
          }
          return classifyHotspots(counts, neighbourhood, true);
        });
        runs.push(ms);
        hot = value.bins.filter((b) => b > 0).length;
      }
      const columnBytes = n * (8 + 1 + 4); // reportedMs, kind, cell index
      const cellBytes = cells.length * 8 * 4 + neighbourhood.indices.byteLength + neighbourhood.offsets.byteLength;
      rows.push([`Gi* ${n.toLocaleString('en')} incidents, ${cells.length.toLocaleString('en')} cells`, median(runs), 'ms', `median of ${RUNS}; count + Gi* + BH; ${hot} hot cells`]);
      rows.push([`  memory (${disk.label})`, ((columnBytes + cellBytes) / 1024 / 1024).toFixed(1), 'MiB', 'typed arrays: 13 B per incident (time, kind, cell) + counts, z, p, q and neighbours per cell']);
      rows.push([`  indexing into H3 (once per data load)`, indexed.ms, 'ms', `latLngToCell ×${n.toLocaleString('en')}`]);
    }
    rows.push([`neighbours of ${cells.length.toLocaleString('en')} cells (once)`, built.ms, 'ms', 'k-ring 1']);
  }
}

async function apiOverDemoCounty(rows: [string, string | number, string, string?][]): Promise<void> {
  const now = '2026-01-01T00:00:00.000Z';
  const data = await generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: 1, now });
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-hotspots-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  seedCounty(db, data);
  const t = { app: signedIn(createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(now) } }), openTestSession(db, 'official', new Date(now))) };
  try {
    for (const query of ['unit=hex&resolution=8', 'unit=hex&resolution=9', 'unit=grid']) {
      const first = time(() => t.app.request(`/api/hotspots?${query}`));
      await first.value;
      const runs: number[] = [];
      let cellCount = 0;
      for (let r = 0; r < RUNS; r++) {
        // A distinct window per run, so the answer cache does not serve it.
        const t0 = performance.now();
        const res = await t.app.request(`/api/hotspots?${query}&from=2024-01-0${(r % 9) + 1}`);
        cellCount = ((await res.json()) as { cellCount: number }).cellCount;
        runs.push(performance.now() - t0);
      }
      rows.push([`GET /api/hotspots?${query}, demo county`, median(runs), 'ms', `${data.incidents.length.toLocaleString('en')} incidents, ${cellCount.toLocaleString('en')} cells; median of ${RUNS}, body built and parsed`]);
    }
    // After a write the incidents are read again; only new ones are indexed into H3.
    const afterWrite: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      db.prepare(`UPDATE incidents SET version = version + 1 WHERE id = ?`).run(r + 1);
      const t0 = performance.now();
      await (await t.app.request(`/api/hotspots?unit=hex&resolution=9&from=2024-02-0${(r % 9) + 1}`)).json();
      afterWrite.push(performance.now() - t0);
    }
    rows.push(['GET /api/hotspots?unit=hex&resolution=9 after a write', median(afterWrite), 'ms', `median of ${RUNS}; incidents re-read, H3 index kept`]);
    const warn: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await (await t.app.request('/api/warnings')).json();
      warn.push(performance.now() - t0);
    }
    rows.push(['GET /api/warnings, demo county', median(warn), 'ms', `median of ${RUNS}`]);
    const heat = await t.app.request('/api/heat', { headers: { 'accept-encoding': 'gzip' } });
    const bytes = (await heat.arrayBuffer()).byteLength;
    rows.push(['GET /api/heat, gzip', (bytes / 1024 / 1024).toFixed(2), 'MiB', `${data.incidents.length.toLocaleString('en')} points over ${countyWeekNumber(Date.parse(now)) - countyWeekNumber(Date.parse(data.incidents.reduce((m, i) => (i.reportedAt < m ? i.reportedAt : m), now)))} weeks`]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(): Promise<void> {
  const rows: [string, string | number, string, string?][] = [];
  syntheticGiStar(rows);
  await apiOverDemoCounty(rows);
  printTable('hot spots (issue 4)', rows);
}

runWhenMain(import.meta.url, main);
