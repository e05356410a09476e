import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { OPEN_STATUSES, type IncidentDetailProperties } from '@gridmap/shared';
import { DEMO_PASSWORD } from '@gridmap/shared/demo/demo-defaults';
import { Random } from '@gridmap/shared/demo/random';
import {
  chooseAction,
  chooseTransition,
  drawIntake,
  type Household,
  type MediationPointChoice,
} from './lib/live-simulation.ts';

// `pnpm simulate-live -- --url http://localhost:8080 --rate 2 --duration 60 --seed 1`: posts new
// incidents and handling steps to a running server at a steady rate, for demos and for load.

/** Actions allowed in flight at once; beyond it an action is skipped and counted (the server is behind). */
const MAX_IN_FLIGHT = 64;
/** Open incidents read at the start, at most (the oldest first; enough to keep a demo busy). */
const MAX_OPEN_LOADED = 5_000;
/** Households read per grid, at most, when a report is placed there. */
const HOUSEHOLDS_PER_GRID = 200;
/** Share of handling steps taken on incidents this run reported, while it has any: they visibly move on. */
const OWN_INCIDENT_SHARE = 0.5;
/** How often a progress line is printed, in ms. */
const PROGRESS_MS = 10_000;

export interface SimulateLiveOptions {
  /** The server's base URL. */
  url: string;
  /** Actions per second (reports and handling steps together), > 0. */
  rate: number;
  /** Seconds to run, > 0. */
  duration: number;
  seed: number;
  /** An account to act as (`--user county --password …`); anonymous when absent. */
  user?: { username: string; password: string };
}

/** Reads `--url --rate --duration --seed [--user --password]` (default: the demo account `county`); throws naming the bad option. */
export function parseSimulateLiveArgs(argv: string[]): SimulateLiveOptions {
  const { values } = parseArgs({
    // `pnpm simulate-live -- --rate 5` passes the '--' on.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      url: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' },
      user: { type: 'string' }, password: { type: 'string' },
    },
    strict: true,
  });
  const url = (values.url ?? 'http://localhost:8080').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`--url must be an http(s) URL, got ${values.url}`);
  const rate = Number(values.rate ?? 2);
  if (!(rate > 0 && Number.isFinite(rate))) throw new Error(`--rate must be a positive number of events per second, got ${values.rate}`);
  const duration = Number(values.duration ?? 60);
  if (!(duration > 0 && Number.isFinite(duration))) throw new Error(`--duration must be a positive number of seconds, got ${values.duration}`);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  if ((values.user === undefined) !== (values.password === undefined)) throw new Error('--user and --password go together');
  // Every route needs a session: the demo's county command centre unless told otherwise.
  const user = values.user === undefined ? { username: 'county', password: DEMO_PASSWORD } : { username: values.user, password: values.password! };
  return { url, rate, duration, seed, user };
}

/** What a run did. */
export interface SimulationSummary {
  posted: number;
  transitions: number;
  conflicts: number;
  errors: number;
  skipped: number;
  errorMessages: string[];
}

interface Feature<P> {
  id: number;
  geometry: { coordinates: [number, number] };
  properties: P;
}
interface Page<P> {
  features: Feature<P>[];
  links?: { rel: string; href: string }[];
}

/** Runs the simulation against `options.url` and returns its counts. */
export async function simulateLive(options: SimulateLiveOptions, log: (line: string) => void = console.log): Promise<SimulationSummary> {
  const { url, rate, duration, seed } = options;
  // Signed in, every request carries the session cookie and every write its CSRF token.
  const headers: Record<string, string> = {};
  const writeHeaders: Record<string, string> = { 'Content-Type': 'application/json' };
  const user = options.user ?? { username: 'county', password: DEMO_PASSWORD };
  {
    const res = await fetch(`${url}/api/session`, { method: 'POST', headers: writeHeaders, body: JSON.stringify(user) });
    if (res.status !== 200 && res.status !== 201) throw new Error(`signing in as ${user.username}: ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    headers.Cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    Object.assign(writeHeaders, headers, { 'X-CSRF-Token': csrfToken });
  }
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(path.startsWith('http') ? path : url + path, { headers });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const allPages = async <P>(path: string, max = Infinity): Promise<Feature<P>[]> => {
    const out: Feature<P>[] = [];
    for (let next: string | undefined = path; next !== undefined && out.length < max; ) {
      const page: Page<P> = await get<Page<P>>(next);
      out.push(...page.features);
      next = page.links?.find((l) => l.rel === 'next')?.href;
    }
    return out;
  };

  const points: MediationPointChoice[] = (await allPages<Omit<MediationPointChoice, 'lon' | 'lat'>>('/api/mediation-points?limit=10000'))
    .map((f) => ({ ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
  const grids = (await get<Page<{ id: number; households: number }>>('/api/areas?level=grid')).features
    .map((f) => f.properties)
    .filter((g) => g.households > 0);
  const gridWeights = grids.map((g) => g.households);
  const open = await allPages<{ id: number }>(`/api/incidents?status=${OPEN_STATUSES.join(',')}&limit=1000`, MAX_OPEN_LOADED);
  // Incidents not yet closed, which handling steps are taken on: existing open ones and our own.
  const existing = new Set(open.map((f) => f.id));
  const own = new Set<number>();
  log(`simulate-live: ${url} as ${user.username}, ${rate}/s for ${duration} s, seed ${seed}; ${grids.length} grids, ${points.length} mediation points, ${existing.size} open incidents`);

  const householdsOfGrid = new Map<number, Promise<Household[]>>();
  const householdsIn = (gridId: number) => {
    let list = householdsOfGrid.get(gridId);
    if (!list) {
      list = allPages<unknown>(`/api/households?gridId=${gridId}&limit=${HOUSEHOLDS_PER_GRID}`, HOUSEHOLDS_PER_GRID)
        .then((fs) => fs.map((f) => ({ id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })));
      householdsOfGrid.set(gridId, list);
    }
    return list;
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(url + path, { method: 'POST', headers: writeHeaders, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  const summary: SimulationSummary = { posted: 0, transitions: 0, conflicts: 0, errors: 0, skipped: 0, errorMessages: [] };
  const fail = (what: string) => {
    summary.errors++;
    if (summary.errorMessages.length < 5 && !summary.errorMessages.includes(what)) summary.errorMessages.push(what);
  };

  // Each action draws from its own stream of the seed, so concurrent actions finishing in a
  // different order do not change what the others post.
  const choices = new Random(seed, 'simulate-live');
  const report = async (random: Random) => {
    const grid = grids[random.weightedIndex(gridWeights)];
    const pick = random.next();
    const homes = await householdsIn(grid.id);
    const home = homes[Math.floor(pick * homes.length)];
    const intake = drawIntake(random, home);
    let res = await post('/api/incidents', intake);
    if (res.status === 400 && res.body.field === 'location') {
      // 50 m off a household at the county's edge can be outside it: report at the door instead.
      res = await post('/api/incidents', { ...intake, location: { lon: home.lon, lat: home.lat }, householdId: home.id });
    }
    if (res.status === 201) {
      summary.posted++;
      own.add(res.body.id);
    } else fail(`POST /api/incidents: ${res.status} ${res.body.code}: ${res.body.message}`);
  };
  const step = async (random: Random, id: number) => {
    const detail = await fetch(`${url}/api/incidents/${id}`, { headers });
    if (detail.status === 404) return forget(id);
    if (!detail.ok) return fail(`GET /api/incidents/${id}: ${detail.status}`);
    const feature = (await detail.json()) as Feature<IncidentDetailProperties>;
    const [lon, lat] = feature.geometry.coordinates;
    const request = chooseTransition(random, { ...feature.properties, lon, lat }, points);
    if (request === null) return forget(id);
    const res = await post(`/api/incidents/${id}/transitions`, request);
    if (res.status === 200) {
      summary.transitions++;
      if (res.body.properties.status === 'closed') forget(id);
    } else if (res.status === 409) summary.conflicts++; // someone (or another of our actions) acted first
    else fail(`POST /api/incidents/${id}/transitions (${request.transition}): ${res.status} ${res.body.code}: ${res.body.message}`);
  };
  const forget = (id: number) => {
    own.delete(id);
    existing.delete(id);
  };

  const total = Math.max(1, Math.round(rate * duration));
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const onSigint = () => (stopped = true);
  process.once('SIGINT', onSigint);
  const progress = setInterval(() => log(progressLine(summary, performance.now() - started)), PROGRESS_MS);
  try {
    for (let i = 0; i < total && !stopped; i++) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const random = new Random(seed, `action-${i}`);
      const action = chooseAction(choices, own.size + existing.size);
      if (inFlight.size >= MAX_IN_FLIGHT) {
        summary.skipped++;
        continue;
      }
      let run: Promise<void>;
      if (action === 'report') run = report(random);
      else {
        const pool = own.size > 0 && choices.chance(OWN_INCIDENT_SHARE) ? own : existing.size > 0 ? existing : own;
        run = step(random, [...pool][choices.int(pool.size)]);
      }
      const tracked: Promise<void> = run.catch((e: Error) => fail(String(e.cause ?? e.message))).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
  } finally {
    clearInterval(progress);
    process.off('SIGINT', onSigint);
  }
  log(progressLine(summary, performance.now() - started));
  return summary;
}

function progressLine(s: SimulationSummary, ms: number): string {
  const actions = s.posted + s.transitions + s.conflicts + s.errors;
  return `${(ms / 1000).toFixed(1)} s: ${s.posted} incidents posted, ${s.transitions} transitions, ${s.conflicts} conflicts (409), ` +
    `${s.errors} errors, ${s.skipped} skipped; ${(actions / (ms / 1000)).toFixed(1)} actions/s`;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const summary = await simulateLive(parseSimulateLiveArgs(argv));
  for (const message of summary.errorMessages) console.log(`  error: ${message}`);
  if (summary.errors > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
