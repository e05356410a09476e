import { readFileSync } from 'node:fs';
import { Random } from '@gridmap/shared/demo/random';
import type { Db } from '@gridmap/server/db/open-db';
import { median, quantile, spawnServer, type ServerProcess } from '../bench-utils.ts';
import type { ProvinceBench, ProvinceRow } from './province-bench.ts';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** How often the server's RSS is read while it is under load, in ms. */
const SAMPLE_MS = 100;
/**
 * How often a ninth client asks /api/health (no session, no SQL beyond none) while the load runs,
 * in ms: its slowest answer bounds from above the longest time the server's event loop was held
 * by one piece of work (a request, a turn of an index build), plus what was queued before it.
 */
const PROBE_MS = 50;
/** Longest acceptable event-loop stall, in ms: the goal is that no request holds the server for seconds. */
const STALL_GOAL_MS = 1_000;
const START_GOAL_S = 5;
const RSS_GOAL_MB = 2048;

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Signs in as the demo administrator when the server has accounts; the cookie and CSRF token, or none. */
async function signIn(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'gridmap2026' }) });
  if (!res.ok) return {};
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return cookie ? { cookie } : {};
}

/** A tile address (z, x, y) that holds the point. */
function tileOf(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [z, x, y];
}

/** A mix of what a command centre's browsers ask: figures, lists, details, nearest points, tiles. */
function requestMix(db: Db, count: number): string[] {
  const random = new Random(5, 'province-load');
  const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
  const counties = ids("SELECT id FROM areas WHERE level = 'county'");
  const towns = ids("SELECT id FROM areas WHERE level = 'town'");
  const grids = ids("SELECT id FROM areas WHERE level = 'grid' AND id % 50 = 0");
  const maxIncident = db.prepare('SELECT max(id) FROM incidents').pluck().get() as number;
  const maxHousehold = db.prepare('SELECT max(id) FROM households').pluck().get() as number;
  const householdAt = db.prepare('SELECT lon, lat FROM households WHERE id = ?').raw();
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const pick = random.int(12);
    const area = random.pick([...counties, ...towns, ...grids]);
    if (pick === 0) paths.push('/api/areas?level=city');
    else if (pick === 1) paths.push(`/api/areas?parent=${random.pick(counties)}`);
    else if (pick === 2) paths.push(`/api/areas/${area}`);
    else if (pick === 3) paths.push(`/api/areas/${random.pick(towns)}/stats`);
    else if (pick === 4) paths.push(`/api/areas/${random.pick(counties)}/children/stats`);
    else if (pick === 5) paths.push(`/api/incidents?areaId=${random.pick([...towns, ...grids])}&limit=50`);
    else if (pick === 6) paths.push(`/api/incidents/${1 + random.int(maxIncident)}`);
    else if (pick === 7) paths.push(`/api/incidents/${1 + random.int(maxIncident)}/nearest-mediation`);
    else if (pick === 8) paths.push(`/api/households/${1 + random.int(maxHousehold)}`);
    else {
      const [lon, lat] = householdAt.get(1 + random.int(maxHousehold)) as [number, number];
      const [z, x, y] = tileOf(lon, lat, 10 + random.int(6));
      paths.push(`/api/tiles/${pick === 9 ? 'incidents' : 'households'}/${z}/${x}/${y}.mvt`);
    }
  }
  return paths;
}

/**
 * Bench 6: start-up, spawn of the real server (`server/src/main.ts`) on the province database to
 * its first answered /api/health, STARTS times. Bench 5: the server's RSS while CONCURRENCY
 * clients send a mix of requests for LOAD_SECONDS (peak from /proc VmHWM).
 */
export const serveBench: ProvinceBench = async ({ db, dbPath, log }) => {
  const starts: number[] = [];
  let server: ServerProcess | null = null;
  for (let i = 0; i < STARTS; i++) {
    const s = await spawnServer({ DATABASE: dbPath });
    starts.push(s.readyMs / 1000);
    log(`start-up ${i + 1}: ${(s.readyMs / 1000).toFixed(2)} s`);
    if (i < STARTS - 1) await s.stop();
    else server = s;
  }
  const rows: ProvinceRow[] = [{
    bench: '6 start-up', figure: 'spawn to the first answered request (/api/health)', ours: median(starts), peer: null, unit: 's',
    higherIsBetter: false, goal: `< ${START_GOAL_S} s`, met: median(starts) < START_GOAL_S,
    note: `median of ${STARTS} starts (node + tsx + migrations check + app); slowest ${Math.max(...starts).toFixed(2)} s`,
  }];

  const s = server!;
  try {
    const headers = await signIn(s.url);
    const paths = requestMix(db, 200_000);
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    let next = 0, peakRss = 0;
    const end = performance.now() + LOAD_SECONDS * 1000;
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, memory(s.pid).rss);
      } catch {
        // the server is gone; the load below fails and says why
      }
    }, SAMPLE_MS);
    const probes: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t0 = performance.now();
        try {
          await (await fetch(`${s.url}/api/health`)).arrayBuffer();
          probes.push(performance.now() - t0);
        } catch {
          return; // the server is gone; the load says so
        }
        await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
      }
    })();
    const slowest: { ms: number; path: string }[] = [];
    log(`load: ${CONCURRENCY} clients for ${LOAD_SECONDS} s …`);
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end && next < paths.length) {
          const path = paths[next++];
          const t0 = performance.now();
          const res = await fetch(s.url + path, { headers });
          await res.arrayBuffer();
          const ms = performance.now() - t0;
          latencies.push(ms);
          slowest.push({ ms, path });
          if (slowest.length > 20) slowest.sort((a, b) => b.ms - a.ms).pop();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }));
    } catch (err) {
      clearInterval(sampler);
      // The server went away under the load: that is the finding, reported with what it said.
      log(`load failed: ${(err as Error).message}; the server said:\n${s.output().slice(-3000)}`);
      rows.push({
        bench: '5 memory', figure: `server RSS under ${CONCURRENCY} clients of mixed requests`, ours: peakRss, peer: null, unit: 'MiB',
        higherIsBetter: false, goal: `< ${RSS_GOAL_MB} MiB`, met: false,
        note: `the server exited after ${latencies.length} requests (last ${paths[next - 1]}), peak RSS sampled before: ${peakRss.toFixed(0)} MiB`,
      });
      return rows;
    } finally {
      clearInterval(sampler);
      probing = false;
      await probe;
    }
    const { rss, hwm } = memory(s.pid);
    const stall = Math.max(...probes);
    slowest.sort((a, b) => b.ms - a.ms);
    log(`slowest requests: ${slowest.slice(0, 8).map((r) => `${r.path} ${r.ms.toFixed(0)} ms`).join('; ')}`);
    const peak = Math.max(peakRss, hwm);
    rows.push({
      bench: '5 memory', figure: `server RSS under ${CONCURRENCY} clients of mixed requests, ${LOAD_SECONDS} s`, ours: peak, peer: null, unit: 'MiB',
      higherIsBetter: false, goal: `< ${RSS_GOAL_MB} MiB`, met: peak < RSS_GOAL_MB,
      note: `peak (VmHWM); ${rss.toFixed(0)} MiB at the end; ${latencies.length.toLocaleString('en')} requests, median ${median(latencies).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, slowest ${slowest[0]?.ms.toFixed(0)} ms (${slowest[0]?.path}); statuses ${[...statuses].map(([k, v]) => `${k}×${v}`).join(' ')}`,
    }, {
      bench: '5 memory', figure: `event loop held: slowest /api/health of a probe every ${PROBE_MS} ms under the load`, ours: stall, peer: null, unit: 'ms',
      higherIsBetter: false, goal: `< ${STALL_GOAL_MS} ms`, met: stall < STALL_GOAL_MS,
      note: `${probes.length.toLocaleString('en')} probes, median ${median(probes).toFixed(1)} ms, p99 ${quantile(probes, 0.99).toFixed(0)} ms`,
    });
  } finally {
    await s.stop();
  }
  return rows;
};
