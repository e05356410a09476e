import { availableParallelism, cpus, totalmem } from 'node:os';
import { runWhenMain } from '../bench-utils.ts';
import { ingestBench } from './ingest.ts';
import { nearestBench } from './nearest.ts';
import { startPostgisProvince, type PostgisProvince } from './postgis-province.ts';
import { advantage, openProvince, PROVINCE_DB, type ProvinceBench, type ProvinceContext, type ProvinceRow } from './province-bench.ts';
import { reassignBench } from './reassign.ts';
import { serveBench } from './serve.ts';
import { tilesBench } from './tiles.ts';

// `pnpm bench:province`: the province benches of issue 8 against PostGIS, one table at the end.
// Add a bench by adding a line here (it gets the province database and the loaded PostGIS peer).
// Run one: `npx tsx scripts/bench/province/run-province.ts reassign nearest`.
export const PROVINCE_BENCHES: [string, ProvinceBench][] = [
  ['ingest', ingestBench], // 4 (first: it also loads PostGIS, which 2 and 3 then use)
  ['reassign', reassignBench], // 2
  ['nearest', nearestBench], // 3
  ['serve', serveBench], // 5 and 6
  ['tiles', tilesBench], // 1 (issue 8 part B; loads its own PostGIS tables)
];

const fmt = (x: number) => (x >= 1000 ? Math.round(x).toLocaleString('en') : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The table of every row: ours, PostGIS, how many times better ours is, the goal and whether it is met. */
export function provinceTable(rows: ProvinceRow[]): string {
  const lines = ['| bench | figure | ours | PostGIS | ours better by | goal | met | note |', '|---|---|---:|---:|---:|---|---|---|'];
  for (const r of rows) {
    const a = advantage(r);
    lines.push(`| ${r.bench} | ${r.figure} | ${fmt(r.ours)} ${r.unit} | ${r.peer === null ? '—' : `${fmt(r.peer)} ${r.unit}`} | ${a === null ? '—' : `${a.toFixed(1)}×`} | ${r.goal} | ${r.met === null ? '?' : r.met ? 'yes' : 'NO'} | ${r.note} |`);
  }
  return lines.join('\n');
}

export async function main(only = process.argv.slice(2)): Promise<void> {
  const db = openProvince();
  const log = (line: string) => console.log(`  ${line}`);
  const peer: { started: Promise<PostgisProvince | null> | null } = { started: null };
  const ctx: ProvinceContext = { db, dbPath: PROVINCE_DB, log, postgis: () => (peer.started ??= startPostgisProvince(db, log)) };
  const rows: ProvinceRow[] = [];
  try {
    for (const [name, bench] of PROVINCE_BENCHES) {
      if (only.length > 0 && !only.includes(name)) continue;
      console.log(`\n# province bench: ${name}`);
      try {
        const got = await bench(ctx);
        // Printed at once too: a later bench that fails must not lose the minutes this one took.
        console.log(provinceTable(got));
        rows.push(...got);
      } catch (err) {
        console.error(`  ${name} failed:`, err);
      }
    }
  } finally {
    (await peer.started)?.stop();
    db.close();
  }
  console.log(`\n## province benches (issue 8), ${new Date().toISOString()}`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; database ${PROVINCE_DB}\n`);
  console.log(provinceTable(rows));
}

runWhenMain(import.meta.url, main);
