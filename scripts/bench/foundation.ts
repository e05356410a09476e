import { signIn } from '../lib/api-session.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { median, printTable, REPO, runWhenMain, spawnServer } from './bench-utils.ts';

// Figures of issue 2: first and later start, generator time, /api/areas?level=grid size and time,
// household tile times at z12 and z16. Run: `pnpm bench` (all) or `npx tsx scripts/bench/foundation.ts`.

const RUNS = Number(process.env.BENCH_RUNS ?? 5); // repetitions per timed figure (median reported)
const TILES_PER_ZOOM = 60; // distinct household tiles requested per zoom (z12 has fewer over one county)
const AREA_REQUESTS = 10;

interface Fetched {
  ms: number;
  bytes: number;
  status: number;
}

/** GET with gzip accepted, counting the bytes on the wire. */
/** The signed-in session's Cookie header (every /api route needs one); set once the server is up. */
let session: Record<string, string> = {};

function get(url: string): Promise<Fetched> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    request(url, { headers: { 'accept-encoding': 'gzip', ...session } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => ok({ ms: performance.now() - t0, bytes, status: res.statusCode ?? 0 }));
    })
      .on('error', fail)
      .end();
  });
}

function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

export async function main(): Promise<void> {
  const rows: [string, string | number, string, string?][] = [];

  // Generator (in process, full county).
  const outline = loadCountyOutline();
  const genMs: number[] = [];
  let counts = '';
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const t0 = performance.now();
    const data = generateCounty({ outline, seed: DEFAULT_DEMO_SEED, size: 1, now: new Date('2026-11-01T00:00:00Z') });
    genMs.push(performance.now() - t0);
    counts = `${data.areas.length} areas, ${data.households.length} households, ${data.incidents.length} incidents`;
  }
  rows.push(['generateCounty, full county', median(genMs) / 1000, 's', `median of ${genMs.length}; ${counts}`]);

  // Web build, as `pnpm start` runs it before the server.
  const b0 = performance.now();
  const build = spawnSync('pnpm', ['--filter', '@gridmap/web', 'build'], { cwd: REPO, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('web build failed');
  rows.push(['web build (vite)', (performance.now() - b0) / 1000, 's', 'part of every `pnpm start`']);

  // First start (generates and seeds), then later starts on the same file.
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-'));
  const env = { DATABASE: join(dir, 'bench.sqlite') };
  try {
    const first = await spawnServer(env);
    await first.stop();
    rows.push(['server first start to ready (seeding included)', first.readyMs / 1000, 's', 'fresh database']);
    rows.push(['database size', statSync(env.DATABASE).size / 1e6, 'MB']);
    const later: number[] = [];
    let server = await spawnServer(env);
    later.push(server.readyMs);
    for (let i = 1; i < RUNS; i++) {
      await server.stop();
      server = await spawnServer(env);
      later.push(server.readyMs);
    }
    rows.push(['server later start to ready', median(later), 'ms', `median of ${later.length}`]);
    session = (await signIn(server.url, 'official')).headers;

    // Areas GeoJSON at grid level.
    const areaTimes: number[] = [];
    let areaBytes = 0;
    for (let i = 0; i < AREA_REQUESTS; i++) {
      const r = await get(`${server.url}/api/areas?level=grid`);
      if (r.status !== 200) throw new Error(`areas: ${r.status}`);
      areaTimes.push(r.ms);
      areaBytes = r.bytes;
    }
    const plain = await (await fetch(`${server.url}/api/areas?level=grid`, { headers: { 'accept-encoding': 'identity', ...session } })).arrayBuffer();
    rows.push(['/api/areas?level=grid, first request', areaTimes[0], 'ms', 'query, JSON and gzip built']);
    rows.push(['/api/areas?level=grid, again', median(areaTimes.slice(1)), 'ms', `median of ${AREA_REQUESTS - 1}, from the body cache`]);
    rows.push(['/api/areas?level=grid size', plain.byteLength / 1e6, 'MB', `${(areaBytes / 1e6).toFixed(2)} MB on the wire with gzip`]);

    // Household tiles at z12 and z16, over places where households are: the tiles under the
    // label points of grids spread evenly over the county's grid list.
    const grids = (await (await fetch(`${server.url}/api/areas?level=grid`, { headers: session })).json()) as {
      features: { properties: { labelLon: number; labelLat: number } }[];
    };
    for (const z of [12, 16]) {
      const keys = new Set<string>();
      const stride = Math.max(1, Math.floor(grids.features.length / (TILES_PER_ZOOM * 4)));
      for (let i = 0; keys.size < TILES_PER_ZOOM && i < grids.features.length; i += stride) {
        const { labelLon, labelLat } = grids.features[i].properties;
        keys.add(lonLatToTile(labelLon, labelLat, z).join('/'));
      }
      const cold: number[] = [];
      const warm: number[] = [];
      const bytes: number[] = [];
      for (const key of keys) {
        const r = await get(`${server.url}/api/tiles/households/${z}/${key}.mvt`);
        cold.push(r.ms);
        bytes.push(r.bytes);
      }
      for (const key of keys) warm.push((await get(`${server.url}/api/tiles/households/${z}/${key}.mvt`)).ms);
      rows.push([`household tile z${z}, cold`, median(cold), 'ms', `median of ${cold.length} tiles`]);
      rows.push([`household tile z${z}, warm (cached)`, median(warm), 'ms', `median tile ${(median(bytes) / 1024).toFixed(1)} KiB gzip`]);
    }
    await server.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable('Foundation (issue 2)', rows);
}

runWhenMain(import.meta.url, main);
