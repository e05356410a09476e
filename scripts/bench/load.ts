import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '@gridmap/server/app';
import { openDatabase } from '@gridmap/server/db/open-db';
import { Random } from '@gridmap/shared/demo/random';
import { openSse } from '@gridmap/server/test/sse-client';
import { drawIntake, type Household } from '../lib/live-simulation.ts';
import { median, postJson, printTable, quantile, runWhenMain, spawnServer } from './bench-utils.ts';
import { openSseClients } from './sse-client-pool.ts';
import { monotonicMs } from './sse-client-process.ts';

// Issue 9: the server under load. autocannon holds LOAD_CONNECTIONS keep-alive connections to
// the real server (server/src/main.ts in its own process, the full demo county), each cycling
// through a dashboard's mix of reads and writes, while SSE_CLIENTS live-stream clients (held by
// child processes, sse-client-pool.ts) receive every change. A probe posts one report every
// PROBE_INTERVAL_MS beside the load and times its delivery to each stream client. Two phases:
// as fast as the server answers (its capacity); paced by autocannon at STEADY_REQUESTS_PER_S
// (which sends each second's requests in a burst); then the same mix arriving evenly, open loop,
// at STEADY_REQUESTS_PER_S and HIGH_STEADY_REQUESTS_PER_S (steadyLoad below). Run:
// `npx tsx scripts/bench/load.ts` (or `pnpm bench`). BENCH_LOAD_SECONDS and BENCH_RUNS shorten it.

const RUNS = Number(process.env.BENCH_RUNS ?? 3); // repetitions (median reported)
/** Length of one measured autocannon run, in seconds. */
const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
/** Untimed load before the runs, in seconds: the JIT, SQLite's page cache and the tile caches warm up. */
const WARM_UP_S = 5;
const LOAD_CONNECTIONS = 200;
const SSE_CLIENTS = Number(process.env.BENCH_LOAD_SSE_CLIENTS ?? 500);
/** One probe report this often during a run, in ms: its delivery lag is what the stream clients feel. */
const PROBE_INTERVAL_MS = 250;
/** Scale of the demo county: the full county, as a first start makes it. */
const DEMO_SIZE = process.env.BENCH_LOAD_DEMO_SIZE ?? '1';
/** A demo account of the county command centre: reads the whole county, reports and handles cases. */
const ACCOUNT = { username: 'county', password: 'gridmap2026' };
/** Tiles of each layer and zoom the mix cycles through (a sample of those over the county). */
const TILES_PER_ZOOM = 60;
const TILE_ZOOMS = [10, 12, 14];
const GOAL_P99_MS = 200;
/**
 * The paced phases' rate, in requests per second over all connections: the same mix at a
 * steady rate, as a county's dashboards load it (open loop), where the first phase sends the next
 * request as soon as the last is answered (closed loop: latency is then 200 ÷ throughput, mostly
 * queueing). 300/s is 1,500 dashboards each asking every 5 s, several times a county's command staff.
 */
const STEADY_REQUESTS_PER_S = Number(process.env.BENCH_LOAD_RATE ?? 300);
/** A second steady rate, in requests per second: how the latency holds nearer the capacity the first phase finds. */
const HIGH_STEADY_REQUESTS_PER_S = Number(process.env.BENCH_LOAD_HIGH_RATE ?? 500);

interface Signed {
  cookie: string;
  csrfToken: string;
}

async function signIn(url: string): Promise<Signed> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ACCOUNT) });
  if (res.status !== 200) throw new Error(`sign-in as ${ACCOUNT.username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('gridmap_session='));
  if (!cookie) throw new Error('sign-in answered without a gridmap_session cookie');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** What the mix reads and where it reports: ids and tiles of the county the server holds. */
interface Targets {
  towns: number[];
  communities: number[];
  tiles: string[];
  homes: Household[];
}

async function targets(url: string, auth: Signed): Promise<Targets> {
  const get = async <T>(path: string) => {
    const res = await fetch(`${url}${path}`, { headers: { cookie: auth.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  type Areas = { features: { id: number; bbox?: number[]; geometry: { coordinates: unknown } }[] };
  const ids = async (level: string) => (await get<Areas>(`/api/areas?level=${level}`)).features.map((f) => f.id);
  const county = (await get<Areas>('/api/areas?level=county')).features[0];
  const flat = JSON.stringify(county.geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
  const lons = flat.filter((_, i) => i % 2 === 0);
  const lats = flat.filter((_, i) => i % 2 === 1);
  const random = new Random(7, 'bench-load');
  const tiles: string[] = [];
  for (const z of TILE_ZOOMS) {
    const [x0, y0] = tileOf(Math.min(...lons), Math.max(...lats), z);
    const [x1, y1] = tileOf(Math.max(...lons), Math.min(...lats), z);
    for (let i = 0; i < TILES_PER_ZOOM; i++) {
      const layer = i % 2 === 0 ? 'incidents' : 'households';
      tiles.push(`/api/tiles/${layer}/${z}/${x0 + random.int(x1 - x0 + 1)}/${y0 + random.int(y1 - y0 + 1)}.mvt`);
    }
  }
  const grids = await ids('grid');
  const homes: Household[] = [];
  for (let i = 0; i < grids.length; i += Math.max(1, Math.floor(grids.length / 50))) {
    const page = await get<{ features: { id: number; geometry: { coordinates: [number, number] } }[] }>(`/api/households?gridId=${grids[i]}&limit=20`);
    homes.push(...page.features.map((f) => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })));
  }
  return { towns: await ids('town'), communities: await ids('community'), tiles, homes };
}

/** The web-mercator tile at zoom z that holds lon/lat, as [x, y]. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n)];
}

/**
 * Intake bodies as simulate-live draws them: only those at a household's door, since a point
 * 50 m off one at the county's edge may lie outside it (400).
 */
function intakeBodies(homes: Household[], count: number, seed: number): string[] {
  const random = new Random(seed, 'bench-load');
  const bodies: string[] = [];
  while (bodies.length < count) {
    const intake = drawIntake(random, homes[random.int(homes.length)]);
    if (intake.householdId !== undefined) bodies.push(JSON.stringify(intake));
  }
  return bodies;
}

/** The reads of the mix, each named, in the order the mix sends them. */
function readsOf(t: Targets, pick: <T>(xs: T[]) => T): [string, () => string][] {
  return [
    ['tile', () => pick(t.tiles)],
    ['tile', () => pick(t.tiles)],
    ['towns with boundaries', () => '/api/areas?level=town'],
    ['one community', () => `/api/areas/${pick(t.communities)}`],
    ['community stats', () => `/api/areas/${pick(t.communities)}/stats`],
    ['tile', () => pick(t.tiles)],
    ['town stats', () => `/api/areas/${pick(t.towns)}/stats`],
    ['incident list', () => `/api/incidents?areaId=${pick(t.towns)}&status=reported,accepted&limit=50`],
    ['tile', () => pick(t.tiles)],
    ['counters', () => '/api/incidents/counters'],
  ];
}

/**
 * Server time per kind of request of the mix, in process on the same database (no HTTP, no
 * other client): ROUNDS passes over the mix, each with its report and acceptance, so that every
 * read follows a write as under load, and caches that a write empties are refilled in the time
 * measured. Where the server's time goes when the HTTP figures fall short.
 */
async function inProcessCosts(database: string, t: Targets): Promise<[string, string | number, string, string?][]> {
  const ROUNDS = 60;
  const db = openDatabase(database);
  try {
    const app = createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date() } });
    const signedIn = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ACCOUNT) });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
    const headers = { cookie, 'accept-encoding': 'gzip' };
    const writeHeaders = { cookie, 'content-type': 'application/json', 'x-csrf-token': ((await signedIn.json()) as Signed).csrfToken };
    let k = 0;
    const pick = <T>(xs: T[]) => xs[k++ % xs.length];
    const bodies = intakeBodies(t.homes, ROUNDS, 3);
    const times = new Map<string, number[]>();
    const timed = async (name: string, path: string, init: RequestInit = { headers }) => {
      const t0 = performance.now();
      const res = await app.request(path, init);
      const text = await res.text();
      (times.get(name) ?? times.set(name, []).get(name)!).push(performance.now() - t0);
      if (res.status >= 400) throw new Error(`${name}: ${res.status} ${text}`);
      return text;
    };
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, path] of readsOf(t, pick)) await timed(name, path());
      const { properties } = JSON.parse(await timed('report', '/api/incidents', { method: 'POST', headers: writeHeaders, body: bodies[r] })) as { properties: { id: number; version: number } };
      const accept = JSON.stringify({ transition: 'accept', actor: '县综治中心', expectedVersion: properties.version });
      await timed('acceptance', `/api/incidents/${properties.id}/transitions`, { method: 'POST', headers: writeHeaders, body: accept });
    }
    const rows: [string, string | number, string, string?][] = [];
    for (const [name, ts] of times) {
      const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
      rows.push([name, median(ts), 'ms median', `mean ${mean.toFixed(1)} ms, p99 ${quantile(ts, 0.99).toFixed(1)} ms over ${ts.length}`]);
    }
    return rows;
  } finally {
    db.close();
  }
}

/**
 * The mix, one request after another over all connections: ten reads (tiles at three zooms,
 * towns, a community, its stats and a town's, an incident list, the counters) and two writes (a
 * report, and accepting a report made earlier with the version it answered). A single request
 * template picks the next kind from the sequence, so that every connection sends every kind
 * from its first request on. Reads ask for gzip as a browser does; writes are read back as JSON.
 */
function mix(t: Targets, auth: Signed): autocannon.Request[] {
  let n = 0;
  let k = 0;
  const pick = <T>(xs: T[]) => xs[k++ % xs.length];
  const bodies = intakeBodies(t.homes, 2_000, 1);
  /** Reports answered and not yet accepted: id and version. */
  const reported: { id: number; version: number }[] = [];
  const gzip = { 'accept-encoding': 'gzip' };
  const json = { 'content-type': 'application/json', 'x-csrf-token': auth.csrfToken };
  type Kind = 'read' | 'report' | 'accept';
  const reads = readsOf(t, pick).map(([, path]) => path);
  return [{
    setupRequest: (req, context) => {
      const ctx = context as { kind?: Kind };
      const slot = n++ % (reads.length + 2);
      if (slot === reads.length) {
        ctx.kind = 'report';
        return { ...req, method: 'POST', path: '/api/incidents', headers: { ...req.headers, ...json }, body: pick(bodies) };
      }
      const accept = slot === reads.length + 1 ? reported.shift() : undefined;
      if (accept) {
        ctx.kind = 'accept';
        const body = JSON.stringify({ transition: 'accept', actor: '县综治中心', expectedVersion: accept.version });
        return { ...req, method: 'POST', path: `/api/incidents/${accept.id}/transitions`, headers: { ...req.headers, ...json }, body };
      }
      // No report to accept yet (the first requests): a read in its place.
      ctx.kind = 'read';
      return { ...req, method: 'GET', path: reads[slot % reads.length](), headers: { ...req.headers, ...gzip }, body: undefined };
    },
    onResponse: (status, body, context) => {
      if ((context as { kind?: Kind }).kind !== 'report' || status !== 201) return;
      const { properties } = JSON.parse(body) as { properties: { id: number; version: number } };
      reported.push({ id: properties.id, version: properties.version });
    },
  }];
}

const agent = new Agent({ keepAlive: true, maxSockets: 2 });

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** What a run reads of autocannon's result (steadyLoad answers the same). */
type LoadResult = Pick<autocannon.Result, 'requests' | 'latency' | 'errors' | 'timeouts' | 'statusCodeStats'>;

/**
 * The mix sent open loop at evenly spaced times, `rate` a second, over up to LOAD_CONNECTIONS
 * keep-alive connections: a county's dashboards ask independently of one another, not all at
 * the top of each second. autocannon's overallRate lets each connection send its share as soon
 * as a one-second timer allows, and the 200 timers start together: a burst of the whole second's
 * requests at once, whose queue is most of that phase's latency. Latency here is counted from the
 * time a request was due, so a stalled server is charged for the wait it causes.
 */
async function steadyLoad(url: string, auth: Signed, requests: autocannon.Request[], seconds: number, rate: number): Promise<LoadResult> {
  const setup = requests[0].setupRequest as unknown as (req: object, context: object) => { method: string; path: string; headers: Record<string, string>; body?: string };
  const onResponse = requests[0].onResponse as unknown as (status: number, body: string, context: object) => void;
  const pool = new Agent({ keepAlive: true, maxSockets: LOAD_CONNECTIONS });
  const { hostname, port } = new URL(url);
  const latencies: number[] = [];
  const byStatus: Record<string, { count: number }> = {};
  let errors = 0;
  let timeouts = 0;
  const total = Math.round(seconds * rate);
  const start = monotonicMs() + 100;
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1_000) / rate;
    const wait = due - monotonicMs();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const context: Record<string, unknown> = {};
    const req = setup({ method: 'GET', path: '/', headers: { cookie: auth.cookie } }, context);
    sent.push(new Promise<void>((done) => {
      const out = request({ hostname, port, agent: pool, method: req.method, path: req.path, headers: req.headers, timeout: 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies.push(monotonicMs() - due);
          const status = String(res.statusCode);
          (byStatus[status] ??= { count: 0 }).count++;
          onResponse(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), context);
          done();
        });
      });
      out.on('timeout', () => (timeouts++, out.destroy()));
      out.on('error', () => (errors++, done()));
      out.end(req.body);
    }));
  }
  await Promise.all(sent);
  pool.destroy();
  return {
    requests: { average: latencies.length / seconds, total: latencies.length } as autocannon.Result['requests'],
    latency: { p50: round1(quantile(latencies, 0.5)), p99: round1(quantile(latencies, 0.99)) } as autocannon.Result['latency'],
    errors: errors,
    timeouts,
    statusCodeStats: byStatus as autocannon.Result['statusCodeStats'],
  };
}


interface RunResult {
  requestsPerS: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  probeFailures: number;
  byStatus: Record<string, number>;
  lagP50: number;
  lagP99: number;
  deliveries: number;
  expectedDeliveries: number;
  dropped: number;
  load: number;
}

/** One autocannon run beside SSE_CLIENTS stream clients and the probe; `rate` paces it (requests/s), else as fast as answered. */
/** How a run sends the mix: autocannon closed loop, autocannon's per-second pacing, or evenly spaced arrivals. */
type Pace = { kind: 'closed' } | { kind: 'autocannon'; rate: number } | { kind: 'steady'; rate: number };

async function run(url: string, auth: Signed, t: Targets, seconds: number, seed: number, pace: Pace): Promise<RunResult> {
  const load = loadavg()[0];
  const pool = await openSseClients(`${url}/api/live`, SSE_CLIENTS, { cookie: auth.cookie });
  // One more stream, read in full here, says which event each probe report became.
  const mapper = await openSse(`${url}/api/live`, { cookie: auth.cookie });
  await mapper.next();
  const sentAt = new Map<number, number>(); // probe incident id -> monotonic ms before its POST
  const eventOf = new Map<number, number>(); // event id of each probe's report -> its incident id
  let probing = true;
  let probeFailures = 0;
  const probeBodies = intakeBodies(t.homes, 1_000, seed);
  const probe = (async () => {
    for (let k = 0; probing; k++) {
      const before = monotonicMs();
      // A probe the overloaded server fails is counted, not fatal: the run goes on.
      const res = await postJson(`${url}/api/incidents`, probeBodies[k % probeBodies.length], { cookie: auth.cookie, 'X-CSRF-Token': auth.csrfToken }, agent)
        .catch(() => ({ status: 0, body: '' }));
      if (res.status === 201) sentAt.set((JSON.parse(res.body) as { id: number }).id, before);
      else probeFailures++;
      const wait = before + PROBE_INTERVAL_MS - monotonicMs();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  const mapping = (async () => {
    for (;;) {
      const frame = await mapper.next(60_000).catch(() => null);
      if (!frame) return;
      if (frame.event !== 'incident') continue;
      const data = JSON.parse(frame.data) as { event: { id: number; incidentId: number; kind: string } };
      if (data.event.kind === 'report') eventOf.set(data.event.id, data.event.incidentId);
    }
  })();
  try {
    const result = pace.kind === 'steady'
      ? await steadyLoad(url, auth, mix(t, auth), seconds, pace.rate)
      : await autocannon({
        url,
        connections: LOAD_CONNECTIONS,
        duration: seconds,
        headers: { cookie: auth.cookie },
        requests: mix(t, auth),
        ...(pace.kind === 'autocannon' ? { overallRate: pace.rate } : {}),
      });
    probing = false;
    await probe;
    // Deliveries still on their way settle within a second or two.
    await new Promise((r) => setTimeout(r, 2_000));
    const got = await pool.collect();
    await mapper.close();
    await mapping;
    const lags: number[] = [];
    for (let i = 0; i < got.ids.length; i++) {
      const incident = eventOf.get(got.ids[i]);
      const sent = incident === undefined ? undefined : sentAt.get(incident);
      if (sent !== undefined) lags.push(got.times[i] - sent);
    }
    const byStatus: Record<string, number> = {};
    for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) byStatus[status] = count ?? 0;
    return {
      requestsPerS: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      // autocannon counts a timed-out request in `errors` too.
      errors: result.errors - result.timeouts,
      timeouts: result.timeouts,
      probeFailures,
      byStatus,
      lagP50: lags.length > 0 ? quantile(lags, 0.5) : NaN,
      lagP99: lags.length > 0 ? quantile(lags, 0.99) : NaN,
      deliveries: lags.length,
      expectedDeliveries: sentAt.size * SSE_CLIENTS,
      dropped: got.closed,
      load,
    };
  } finally {
    probing = false;
    await pool.close();
    await mapper.close();
  }
}

function rows(runs: RunResult[]): [string, string | number, string, string?][] {
  const med = (f: (x: RunResult) => number) => median(runs.map(f));
  const statuses = [...new Set(runs.flatMap((x) => Object.keys(x.byStatus)))].sort();
  return [
    ['throughput', Math.round(med((x) => x.requestsPerS)), 'requests/s', `median of ${runs.length} runs of ${DURATION_S} s`],
    ['latency p50', med((x) => x.p50), 'ms', 'every request of the mix'],
    ['latency p99', med((x) => x.p99), 'ms', `goal < ${GOAL_P99_MS} ms`],
    ['requests per run', Math.round(med((x) => x.requests)), '', '10 reads : 2 writes'],
    ['socket errors', runs.reduce((n, x) => n + x.errors, 0), '', 'all runs; goal 0'],
    ['timeouts (no answer within 10 s)', runs.reduce((n, x) => n + x.timeouts, 0), '', 'all runs; goal 0'],
    ['probe reports failed', runs.reduce((n, x) => n + x.probeFailures, 0), '', 'all runs'],
    ...statuses.map((s): [string, number, string, string] => [`HTTP ${s}`, runs.reduce((n, x) => n + (x.byStatus[s] ?? 0), 0), 'responses', 'all runs']),
    ['stream delivery lag p50', med((x) => x.lagP50), 'ms', `probe report POSTed → received by each of ${SSE_CLIENTS} clients`],
    ['stream delivery lag p99', med((x) => x.lagP99), 'ms', ''],
    ['stream deliveries missing', runs.reduce((n, x) => n + x.expectedDeliveries - x.deliveries, 0), '', `all runs; ${runs.reduce((n, x) => n + x.dropped, 0)} clients dropped`],
    ['load average (1 min) before each run', runs.map((x) => x.load.toFixed(2)).join(', '), '', '2 cores'],
  ];
}

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-load-'));
  const database = join(dir, 'load.sqlite');
  // The first start generates and seeds the county; the measured server is a later start on it.
  await (await spawnServer({ DATABASE: database, DEMO_SIZE })).stop();
  const server = await spawnServer({ DATABASE: database });
  try {
    const auth = await signIn(server.url);
    const t = await targets(server.url, auth);
    console.log(`Demo county of size ${DEMO_SIZE}: ${t.towns.length} towns, ${t.communities.length} communities, ${t.tiles.length} tiles in the mix; signed in as '${ACCOUNT.username}'`);
    await autocannon({ url: server.url, connections: LOAD_CONNECTIONS, duration: WARM_UP_S, headers: { cookie: auth.cookie }, requests: mix(t, auth) });
    const phases: [string, Pace][] = [
      ['as fast as answered', { kind: 'closed' }],
      [`paced by autocannon at ${STEADY_REQUESTS_PER_S} requests/s (each second's requests in a burst)`, { kind: 'autocannon', rate: STEADY_REQUESTS_PER_S }],
      [`steady arrivals at ${STEADY_REQUESTS_PER_S} requests/s (open loop)`, { kind: 'steady', rate: STEADY_REQUESTS_PER_S }],
      [`steady arrivals at ${HIGH_STEADY_REQUESTS_PER_S} requests/s (open loop)`, { kind: 'steady', rate: HIGH_STEADY_REQUESTS_PER_S }],
    ];
    for (const [phase, pace] of phases) {
      const runs: RunResult[] = [];
      for (let r = 0; r < RUNS; r++) {
        const result = await run(server.url, auth, t, DURATION_S, 100 + r, pace);
        runs.push(result);
        const statuses = Object.entries(result.byStatus).map(([s, n]) => `${s}: ${n}`).join(', ');
        console.log(`${phase}, run ${r + 1}: ${Math.round(result.requestsPerS)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
          `${result.errors} socket errors, ${result.timeouts} timeouts, statuses {${statuses}}, stream lag p50 ${result.lagP50.toFixed(1)} ms p99 ${result.lagP99.toFixed(1)} ms ` +
          `(${result.deliveries}/${result.expectedDeliveries} deliveries, ${result.dropped} clients dropped), load average ${result.load.toFixed(2)}`);
      }
      printTable(`Load, ${phase}: ${LOAD_CONNECTIONS} connections, ${SSE_CLIENTS} live-stream clients, demo county of size ${DEMO_SIZE}`, rows(runs));
    }
    await server.stop();
    printTable('Server time per request of the mix, in process, a report and its acceptance after every ten reads', await inProcessCosts(database, t));
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, main);
