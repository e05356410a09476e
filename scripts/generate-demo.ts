import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE } from '@gridmap/shared/demo/demo-defaults';
import { countyDay, parseCountyTime } from '@gridmap/shared/time/county-time';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { openDatabase } from '@gridmap/server/db/open-db';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { generateProvince } from './province/generate-province.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(REPO_ROOT, 'data', 'gridmap.sqlite');
/** Where the province goes by default, for the benches (scripts/bench/province/) to find it. */
export const DEFAULT_PROVINCE_OUT = '/tmp/province/gridmap-province.sqlite';

export interface GenerateDemoOptions {
  seed: number;
  /** The county's size, or the province's scale (1 = PROVINCE_TARGETS). */
  size: number;
  now: Date;
  out: string;
  /** `county` (诸暨市, the default) or `province` (all of Zhejiang, issue 8). */
  scale: 'county' | 'province';
  /** Province only: the first N counties. */
  counties?: number;
}

/**
 * Reads `--seed 1 --size 1 --now ISO --out path [--scale county|province] [--counties N]`. The seed defaults to DEFAULT_DEMO_SEED, the
 * county a server's first start generates; `now` to the start of today in the county (00:00 UTC+8).
 */
export function parseGenerateDemoArgs(argv: string[], cwd = process.cwd(), today = new Date()): GenerateDemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' }, size: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' },
      scale: { type: 'string' }, counties: { type: 'string' },
    },
    strict: true,
  });
  const scale = values.scale ?? 'county';
  if (scale !== 'county' && scale !== 'province') throw new Error(`--scale must be county or province, got ${values.scale}`);
  const counties = values.counties === undefined ? undefined : Number(values.counties);
  if (counties !== undefined && !(Number.isInteger(counties) && counties >= 1)) throw new Error(`--counties must be a positive integer, got ${values.counties}`);
  if (counties !== undefined && scale !== 'province') throw new Error('--counties needs --scale province');
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  const size = values.size === undefined ? (scale === 'province' ? 1 : DEFAULT_DEMO_SIZE) : Number(values.size);
  if (!(size > 0)) throw new Error(`--size must be a positive number, got ${values.size}`);
  // The county's midnight by default, so that runs on the same county day give the same database.
  const now = values.now === undefined ? new Date(parseCountyTime(countyDay(today.getTime())).start) : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time, got ${values.now}`);
  const out = values.out === undefined ? (scale === 'province' ? DEFAULT_PROVINCE_OUT : DEFAULT_OUT) : resolve(cwd, values.out);
  return { seed, size, now, out, scale, ...(counties === undefined ? {} : { counties }) };
}

/** Generates the demo county and writes it into a fresh SQLite database; prints counts and timings. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  // pnpm runs package scripts in scripts/; INIT_CWD is where the user typed the command.
  const options = parseGenerateDemoArgs(argv, process.env.INIT_CWD ?? process.cwd());
  const { seed, size, now, out } = options;
  if (options.scale === 'province') {
    console.log(`Generating 浙江省 (seed ${seed}, scale ${size}, incidents up to ${now.toISOString()}) …`);
    await generateProvince({ seed, scale: size, now, out, counties: options.counties });
    // Tells whoever waits for the file (the province benches, the tile work) that it is complete.
    if (out === DEFAULT_PROVINCE_OUT) writeFileSync(join(dirname(out), 'READY'), new Date().toISOString() + '\n');
    return;
  }
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
