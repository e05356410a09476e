import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE } from '@gridmap/shared/demo/demo-defaults';
import { countyDay, parseCountyTime } from '@gridmap/shared/time/county-time';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { openDatabase } from '@gridmap/server/db/open-db';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(REPO_ROOT, 'data', 'gridmap.sqlite');

export interface GenerateDemoOptions {
  seed: number;
  size: number;
  now: Date;
  out: string;
}

/**
 * Reads `--seed 1 --size 1 --now ISO --out path`. The seed defaults to DEFAULT_DEMO_SEED, the
 * county a server's first start generates; `now` to the start of today in the county (00:00 UTC+8).
 */
export function parseGenerateDemoArgs(argv: string[], cwd = process.cwd(), today = new Date()): GenerateDemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: { seed: { type: 'string' }, size: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const size = values.size === undefined ? DEFAULT_DEMO_SIZE : Number(values.size);
  if (!(size > 0)) throw new Error(`--size must be a positive number, got ${values.size}`);
  // The county's midnight by default, so that runs on the same county day give the same database.
  const now = values.now === undefined ? new Date(parseCountyTime(countyDay(today.getTime())).start) : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time, got ${values.now}`);
  const out = values.out === undefined ? DEFAULT_OUT : resolve(cwd, values.out);
  return { seed, size, now, out };
}

/** Generates the demo county and writes it into a fresh SQLite database; prints counts and timings. */
export function main(argv = process.argv.slice(2)): void {
  // pnpm runs package scripts in scripts/; INIT_CWD is where the user typed the command.
  const options = parseGenerateDemoArgs(argv, process.env.INIT_CWD ?? process.cwd());
  const { seed, size, now, out } = options;
  console.log(`Generating 诸暨市 (seed ${seed}, size ${size}, incidents up to ${now.toISOString()}) …`);

  let t = performance.now();
  const outline = loadCountyOutline();
  const outlineMs = performance.now() - t;
  t = performance.now();
  const data = generateCounty({ outline, seed, size, now });
  const generateMs = performance.now() - t;

  const levels = new Map<string, number>();
  for (const a of data.areas) levels.set(a.level, (levels.get(a.level) ?? 0) + 1);
  console.log(
    `  areas: ${[...levels].map(([level, n]) => `${n} ${level}`).join(', ')}\n` +
      `  households: ${data.households.length}, staff: ${data.staff.length}, ` +
      `mediation points: ${data.mediationPoints.length}, incidents: ${data.incidents.length}, ` +
      `hot spots: ${data.hotspots.length}`,
  );

  for (const suffix of ['', '-wal', '-shm']) if (existsSync(out + suffix)) rmSync(out + suffix);
  mkdirSync(dirname(out), { recursive: true });
  t = performance.now();
  const db = openDatabase(out);
  try {
    seedCounty(db, data);
  } finally {
    db.close();
  }
  const seedMs = performance.now() - t;
  console.log(
    `  outline ${(outlineMs / 1000).toFixed(2)} s, generation ${(generateMs / 1000).toFixed(2)} s, ` +
      `seeding ${(seedMs / 1000).toFixed(2)} s\nWrote ${out}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
