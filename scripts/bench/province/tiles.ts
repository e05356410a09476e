import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '@gridmap/server/db/open-db';
import type { ProvinceBench } from './province-bench.ts';
import { median, quantile, REPO, runWhenMain, spawnServer } from '../bench-utils.ts';
import { startPostgisTiles } from './postgis-tiles.ts';
import { tileRequestMix, type TileRequest } from './tile-request-mix.ts';

// Bench 1 of issue 8: 2,000 tile requests over z6–z16 in the province (tile-request-mix.ts: visits
// to cities and towns, each panned), cold and warm, tiles/s and p99, beside PostGIS ST_AsMVT
// making the same tiles from the same data (postgis-tiles.ts) and a bare node:http server sending
// the same bytes (bare-tile-server.ts). Goals: cold ≥ 3× PostGIS; warm ≥ 0.7× bare node:http;
// p99 < 10 ms at z ≥ 10. The server's tile disk cache is a new, empty file in a temporary
// directory, so the cold pass is cold; after the warm runs the server is restarted on that file
// and the mix's area tiles are asked for again: cold memory, filled disk cache.
// Run: `npx tsx scripts/bench/province/tiles.ts` (PROVINCE_DB, BENCH_TILES, BENCH_CONCURRENCY, BENCH_ROUNDS, BENCH_NO_PG=1).

export const PROVINCE_DB = process.env.PROVINCE_DB ?? '/tmp/province/gridmap-province.sqlite';
const TILES = Number(process.env.BENCH_TILES ?? 2_000);
/** Requests in flight at once in the warm throughput runs (a browser opens 6 per host). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 6);
/** Warm runs of each server, alternated; the medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const COLD_GOAL = 3;
const WARM_GOAL = 0.7;
const P99_GOAL_MS = 10;

interface Answer {
  status: number;
  etag: string;
  body: Buffer;
}

interface Pass {
  ms: number[];
  wallMs: number;
  answers: Answer[];
}

/** GETs every path with `concurrency` requests in flight over kept-alive connections; latency of each. */
async function runPass(base: string, paths: readonly string[], concurrency: number, headers: Record<string, string>): Promise<Pass> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(base);
  const ms = new Array<number>(paths.length);
  const answers = new Array<Answer>(paths.length);
  let next = 0;
  const one = (path: string) =>
    new Promise<Answer>((ok, fail) => {
      const req = request({ host: url.hostname, port: url.port, path, agent, headers: { 'Accept-Encoding': 'gzip', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, etag: String(res.headers.etag ?? ''), body: Buffer.concat(chunks) }));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end();
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < paths.length; i = next++) {
        const s = performance.now();
        answers[i] = await one(paths[i]);
        ms[i] = performance.now() - s;
        if (answers[i].status !== 200 && answers[i].status !== 204) throw new Error(`${paths[i]}: ${answers[i].status} ${answers[i].body.toString('utf8', 0, 200)}`);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  agent.destroy();
  return { ms, wallMs, answers };
}

/** Signs in as the demo administrator when the server has accounts; the cookie header, or none. */
async function signIn(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'gridmap2026' }) });
  if (!res.ok) return {};
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return cookie ? { cookie } : {};
}

/** Writes what GridMap answered per distinct path for the bare server: [u32 header length][JSON header][bytes]. */
function writeTileDump(path: string, paths: readonly string[], answers: readonly Answer[]): void {
  const parts: Buffer[] = [];
  const done = new Set<string>();
  paths.forEach((p, i) => {
    if (done.has(p)) return;
    done.add(p);
    const { status, etag, body } = answers[i];
    const header = Buffer.from(JSON.stringify({ path: p, etag, bytes: status === 204 ? -1 : body.length }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    parts.push(length, header, status === 204 ? Buffer.alloc(0) : body);
  });
  writeFileSync(path, Buffer.concat(parts));
}

async function startBare(dump: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/bench/province/bare-tile-server.ts'), dump], { cwd: join(REPO, 'scripts'), stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) ok(Number(m[1]));
    });
    child.on('exit', (code) => fail(new Error(`bare server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(2));

/** The bench's figures, for part A's province table (run-province.ts). */
export interface TileFigures {
  coldRate: number;
  coldP99Near: number;
  /** p99 at z ≥ 10 of the mix's area tiles after a restart on the filled disk cache. */
  restartAreaP99Near: number;
  warmRate: number;
  bareRate: number;
  pgCold: number | null;
  pgP99Near: number | null;
}

export async function main(): Promise<void> {
  if (!existsSync(PROVINCE_DB)) throw new Error(`No province database at ${PROVINCE_DB}: npx tsx scripts/generate-demo.ts --scale province`);
  const db = openDatabase(PROVINCE_DB);
  try {
    await runTiles(db, PROVINCE_DB);
  } finally {
    db.close();
  }
}

/** Runs bench 1 over the province database at `dbPath` (open as `db`), prints its table and returns its figures. */
export async function runTiles(db: Db, dbPath: string): Promise<TileFigures> {
  const figures: TileFigures = { coldRate: 0, coldP99Near: 0, restartAreaP99Near: 0, warmRate: 0, bareRate: 0, pgCold: null, pgP99Near: null };
  const mix = tileRequestMix(db, TILES);
  const paths = mix.map((r) => r.path);
  const distinct = new Set(paths).size;
  const byZoom = (pred: (r: TileRequest) => boolean) => mix.map((r, i) => (pred(r) ? i : -1)).filter((i) => i >= 0);
  const far = byZoom((r) => r.z < 10);
  const near = byZoom((r) => r.z >= 10);
  console.log(`# tiles bench: ${mix.length} requests (${distinct} distinct), z6–z16, ${near.length} at z ≥ 10; database ${PROVINCE_DB}`);

  const dir = mkdtempSync(join(tmpdir(), 'gridmap-tiles-bench-'));
  const tileCache = join(dir, 'tiles.tile-cache.sqlite');
  let server = await spawnServer({ DATABASE: dbPath, TILE_CACHE: tileCache });
  const rows: [string, string, string][] = [];
  let bare: Awaited<ReturnType<typeof startBare>> | null = null;
  try {
    console.log(`  server ready in ${server.readyMs.toFixed(0)} ms`);
    const auth = await signIn(server.url);
    // The point indexes are built on their layer's first tile: time that apart from the tiles.
    const t0 = performance.now();
    await runPass(server.url, ['/api/tiles/households/0/0/0.mvt'], 1, auth);
    const householdIndexMs = performance.now() - t0;
    const t1 = performance.now();
    await runPass(server.url, ['/api/tiles/incidents/0/0/0.mvt'], 1, auth);
    const incidentIndexMs = performance.now() - t1;
    console.log(`  point indexes built on first use: households ${fmt(householdIndexMs)} ms, incidents ${fmt(incidentIndexMs)} ms`);

    // Cold: every tile made on request (the tile cache is empty), one request at a time.
    const cold = await runPass(server.url, paths, 1, auth);
    const coldRate = rate(mix.length, cold.wallMs);
    const coldAt = (idx: number[]) => idx.map((i) => cold.ms[i]);
    for (const layer of [...new Set(mix.map((r) => r.layer))]) {
      const bands = [6, 8, 10, 12, 14, 16].map((z) => {
        const at = byZoom((r) => r.layer === layer && (r.z === z || r.z === z + 1));
        return at.length === 0 ? null : `z${z}–${z + 1} ${fmt(median(coldAt(at)))}/${fmt(quantile(coldAt(at), 0.99))}`;
      });
      console.log(`  cold ${layer} (median/p99 ms): ${bands.filter(Boolean).join(', ')}`);
    }
    const bytes = cold.answers.reduce((s, a) => s + a.body.length, 0);
    console.log(`  cold: ${fmt(coldRate)} tiles/s, ${(bytes / mix.length / 1024).toFixed(1)} KiB a tile on average (gzip)`);

    // Warm: the same requests again, from the tile cache; one at a time for latency, then
    // CONCURRENCY at once against GridMap and the bare server in turn, ROUNDS times.
    const warm1 = await runPass(server.url, paths, 1, auth);
    const dump = join(dir, 'tiles.bin');
    writeTileDump(dump, paths, warm1.answers);
    bare = await startBare(dump);
    const ours: number[] = [];
    const bares: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(rate(mix.length, (await runPass(server.url, paths, CONCURRENCY, auth)).wallMs));
      bares.push(rate(mix.length, (await runPass(bare.url, paths, CONCURRENCY, {})).wallMs));
    }
    const warmRate = median(ours);
    const bareRate = median(bares);
    Object.assign(figures, { coldRate, coldP99Near: quantile(coldAt(near), 0.99), warmRate, bareRate });
    console.log(`  warm: ${ours.map(fmt).join(', ')} tiles/s; bare node:http ${bares.map(fmt).join(', ')} tiles/s`);

    // Restart on the same disk cache: the mix's area tiles again, memory cold, disk filled.
    const cacheBytes = ['', '-wal'].reduce((sum, end) => sum + (existsSync(tileCache + end) ? statSync(tileCache + end).size : 0), 0);
    await server.stop();
    server = await spawnServer({ DATABASE: dbPath, TILE_CACHE: tileCache });
    const areaAt = byZoom((r) => r.layer.startsWith('areas/'));
    const restart = await runPass(server.url, areaAt.map((i) => paths[i]), 1, await signIn(server.url));
    const areaNear = areaAt.flatMap((i, k) => (mix[i].z >= 10 ? [k] : []));
    const restartNear = areaNear.map((k) => restart.ms[k]);
    const firstNear = areaNear.map((k) => cold.ms[areaAt[k]]);
    figures.restartAreaP99Near = quantile(restartNear, 0.99);
    console.log(`  restart on the disk cache (${(cacheBytes / 1024 / 1024).toFixed(1)} MiB): area tiles at z ≥ 10 median/p99 ${fmt(median(restartNear))}/${fmt(quantile(restartNear, 0.99))} ms (cold pass: ${fmt(median(firstNear))}/${fmt(quantile(firstNear, 0.99))} ms)`);

    rows.push(['cold, all zooms', `${fmt(coldRate)} tiles/s`, `one at a time over HTTP; p99 ${fmt(quantile(cold.ms, 0.99))} ms; indexes built before (households ${fmt(householdIndexMs / 1000)} s, incidents ${fmt(incidentIndexMs / 1000)} s)`]);
    rows.push(['cold p99, z ≥ 10', `${fmt(quantile(coldAt(near), 0.99))} ms`, `goal < ${P99_GOAL_MS} ms; median ${fmt(median(coldAt(near)))} ms over ${near.length}`]);
    const nearArea = near.filter((i) => mix[i].layer.startsWith('areas/'));
    const nearPoints = near.filter((i) => !mix[i].layer.startsWith('areas/'));
    rows.push(['cold p99, z ≥ 10: area tiles / point tiles', `${fmt(quantile(coldAt(nearArea), 0.99))} / ${fmt(quantile(coldAt(nearPoints), 0.99))} ms`, `${nearArea.length} area tiles, ${nearPoints.length} household and incident tiles`]);
    rows.push(['cold p99, z < 10', `${fmt(quantile(coldAt(far), 0.99))} ms`, `median ${fmt(median(coldAt(far)))} ms over ${far.length}`]);
    rows.push(['area tiles p99 z ≥ 10, restarted on the disk cache', `${fmt(figures.restartAreaP99Near)} ms`, `${areaNear.length} area tiles; the same in the cold pass: ${fmt(quantile(firstNear, 0.99))} ms; disk cache ${(cacheBytes / 1024 / 1024).toFixed(1)} MiB`]);
    rows.push(['warm p99, z ≥ 10', `${fmt(quantile(near.map((i) => warm1.ms[i]), 0.99))} ms`, `one at a time; goal < ${P99_GOAL_MS} ms`]);
    rows.push(['warm', `${fmt(warmRate)} tiles/s`, `${CONCURRENCY} in flight, median of ${ROUNDS}`]);
    rows.push(['bare node:http, same bytes', `${fmt(bareRate)} tiles/s`, `warm ÷ bare = ${(warmRate / bareRate).toFixed(2)} (goal ≥ ${WARM_GOAL})`]);

    if (process.env.BENCH_NO_PG !== '1') {
      const pg = await startPostgisTiles(db, (line) => console.log(`  ${line}`));
      if (!pg) rows.push(['PostGIS', '—', 'not available here']);
      else {
        try {
          console.log(`  PostGIS ${pg.version} loaded in ${pg.loadS.toFixed(0)} s; making the same ${mix.length} tiles …`);
          const first = pg.run(mix);
          const second = pg.run(mix);
          const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
          const pgCold = rate(mix.length, sum(first.ms));
          const pgWarm = rate(mix.length, sum(second.ms));
          const pgBytes = sum(first.bytes);
          figures.pgCold = pgCold;
          figures.pgP99Near = quantile(near.map((i) => first.ms[i]), 0.99);
          console.log(`  PostGIS: first pass ${fmt(pgCold)} tiles/s, second ${fmt(pgWarm)} tiles/s; ${(pgBytes / mix.length / 1024).toFixed(1)} KiB a tile (not gzipped)`);
          rows.push(['PostGIS ST_AsMVT, first pass', `${fmt(pgCold)} tiles/s`, `inside the database, one at a time; p99 z ≥ 10 ${fmt(quantile(near.map((i) => first.ms[i]), 0.99))} ms; ours cold ÷ PostGIS = ${(coldRate / pgCold).toFixed(1)} (goal ≥ ${COLD_GOAL})`]);
          rows.push(['PostGIS ST_AsMVT, second pass', `${fmt(pgWarm)} tiles/s`, `ours warm (one at a time: ${fmt(rate(mix.length, warm1.wallMs))} tiles/s) ÷ PostGIS = ${(rate(mix.length, warm1.wallMs) / pgWarm).toFixed(1)}`]);
        } finally {
          pg.stop();
        }
      }
    }
  } finally {
    bare?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## tiles (issue 8, bench 1): ${mix.length} requests, ${new Date().toISOString()}`);
  console.log('| figure | value | note |\n|---|---:|---|');
  for (const [figure, value, note] of rows) console.log(`| ${figure} | ${value} | ${note} |`);
  return figures;
}

/** Bench 1 as a line of the province table (scripts/bench/province/run-province.ts); it loads its own PostGIS tables. */
export const tilesBench: ProvinceBench = async ({ db, dbPath }) => {
  const f = await runTiles(db, dbPath);
  const note = 'see the tiles table above';
  return [
    {
      bench: '1 tiles', figure: `${TILES.toLocaleString('en')} tile requests z6–z16, cold (one at a time, HTTP)`,
      ours: f.coldRate, peer: f.pgCold, unit: 'tiles/s', higherIsBetter: true, goal: `≥ ${COLD_GOAL}× PostGIS ST_AsMVT`,
      met: f.pgCold === null ? null : f.coldRate >= COLD_GOAL * f.pgCold, note: `PostGIS timed inside the database; ${note}`,
    },
    {
      bench: '1 tiles', figure: 'cold p99 at z ≥ 10', ours: f.coldP99Near, peer: f.pgP99Near, unit: 'ms', higherIsBetter: false,
      goal: `< ${P99_GOAL_MS} ms`, met: f.coldP99Near < P99_GOAL_MS, note,
    },
    {
      bench: '1 tiles', figure: 'area tiles p99 at z ≥ 10, restarted on the disk cache', ours: f.restartAreaP99Near, peer: null, unit: 'ms',
      higherIsBetter: false, goal: `< ${P99_GOAL_MS} ms`, met: f.restartAreaP99Near < P99_GOAL_MS, note,
    },
    {
      bench: '1 tiles', figure: `warm, ${CONCURRENCY} in flight (peer: bare node:http sending the same bytes, not PostGIS)`,
      ours: f.warmRate, peer: f.bareRate, unit: 'tiles/s', higherIsBetter: true, goal: `≥ ${WARM_GOAL}× bare node:http`,
      met: f.warmRate >= WARM_GOAL * f.bareRate, note,
    },
  ];
};

runWhenMain(import.meta.url, main);
