import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { createApp } from '@gridmap/server/app';
import { openTestSession, signedIn } from '@gridmap/server/test/signed-in-app';
import { openDatabase } from '@gridmap/server/db/open-db';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { median, printTable, runWhenMain } from './bench-utils.ts';

// Figures of issue 7 over the full demo county (two years, ~61,600 incidents): server time of
// the county's stats and of all its towns' stats over the two years, the incident table's
// pages (first and deep, per sort) and the CSV export of the whole county. In process through
// app.request (routing, validation, SQL and JSON included; no socket).
// Run: `pnpm bench` (all) or `npx tsx scripts/bench/area-stats.ts`.

const RUNS = Number(process.env.BENCH_RUNS ?? 15); // repetitions per timed figure (median reported)
const NOW = '2026-11-01T00:00:00.000Z';
/** The two years of the demo's incidents, as county days. */
const TWO_YEARS = 'from=2024-11-01&to=2026-10-31';

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-stats-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const data = generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: 1, now: NOW });
    seedCounty(db, data);
    const app = signedIn(createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(NOW) } }), openTestSession(db, 'county_command', new Date(NOW)));
    const county = data.areas.find((a) => a.level === 'county')!;
    const town = data.areas.find((a) => a.level === 'town')!;

    const time = async (path: string): Promise<{ ms: number; body: string }> => {
      const times: number[] = [];
      let body = '';
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const res = await app.request(path);
        body = await res.text();
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body}`);
      }
      return { ms: median(times), body };
    };

    const rows: [string, string | number, string, string?][] = [];
    const c0 = performance.now();
    await (await app.request(`/api/areas/${county.id}/stats?${TWO_YEARS}`)).text();
    rows.push(['county stats, first request after start (store built from SQLite)', performance.now() - c0, 'ms', 'one sample']);
    const countyStats = await time(`/api/areas/${county.id}/stats?${TWO_YEARS}`);
    const reported = JSON.parse(countyStats.body).figures.reported as number;
    rows.push(['county stats, two years (with previous period, months, breakdowns)', countyStats.ms, 'ms', `${reported.toLocaleString('en')} incidents; goal < 100 ms`]);
    const towns = await time(`/api/areas/${county.id}/children/stats?figure=safetyIndex&${TWO_YEARS}`);
    rows.push(['all towns stats, two years (children of the county)', towns.ms, 'ms', `${JSON.parse(towns.body).children.length} towns`]);
    rows.push(['one town stats, two years (with its siblings)', (await time(`/api/areas/${town.id}/stats?${TWO_YEARS}`)).ms, 'ms']);
    rows.push(['default-period county stats (last 365 days)', (await time(`/api/areas/${county.id}/stats`)).ms, 'ms']);
    // After a transition the store reads again only the incidents with newer events.
    const open = (await (await app.request(`/api/incidents?status=reported,accepted,assigned,mediating&level=grid&limit=${RUNS}`)).json()) as {
      features: { id: number; properties: { version: number } }[];
    };
    const afterWrite: number[] = [];
    for (const incident of open.features) {
      const res = await app.request(`/api/incidents/${incident.id}/transitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ transition: 'escalate', actor: 'bench', reason: 'bench', expectedVersion: incident.properties.version }),
      });
      if (res.status !== 200) throw new Error(`escalate ${incident.id}: ${res.status} ${await res.text()}`);
      const t0 = performance.now();
      await (await app.request(`/api/areas/${county.id}/stats?${TWO_YEARS}`)).text();
      afterWrite.push(performance.now() - t0);
    }
    rows.push(['county stats, first request after a transition (store updated)', median(afterWrite), 'ms', `median of ${afterWrite.length}`]);

    for (const sort of ['-reportedAt', 'deadlineAt', '-severity']) {
      const first = await time(`/api/incidents?areaId=${county.id}&sort=${sort}&limit=50`);
      let cursor = JSON.parse(first.body).nextCursor as string;
      // 200 pages down, as a user who kept paging would be.
      for (let i = 0; i < 200; i++) {
        const page = await app.request(`/api/incidents?areaId=${county.id}&sort=${sort}&limit=50&cursor=${cursor}`);
        cursor = ((await page.json()) as { nextCursor: string }).nextCursor;
      }
      const deep = await time(`/api/incidents?areaId=${county.id}&sort=${sort}&limit=50&cursor=${cursor}`);
      rows.push([`incident table page of 50, county, sort=${sort}: first / page 201`, `${first.ms.toFixed(1)} / ${deep.ms.toFixed(1)}`, 'ms', 'numberMatched counted on each page']);
    }
    const townPage = await time(`/api/incidents?areaId=${town.id}&sort=-reportedAt&limit=50&overdue=false&kind=neighbour,family`);
    rows.push(['incident table page of 50, one town, filtered by kind and overdue', townPage.ms, 'ms']);
    const csv = await time(`/api/exports/incidents.csv?areaId=${county.id}&sort=-reportedAt`);
    rows.push(['CSV export of the whole county', csv.ms, 'ms', `${(Buffer.byteLength(csv.body) / 1e6).toFixed(1)} MB`]);
    printTable(`area stats and incident table (median of ${RUNS})`, rows);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, main);
