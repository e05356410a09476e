import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CountyData, ImportMapping } from '@gridmap/shared';
import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { csvText } from '@gridmap/shared/export/csv-text';
import { shapefileZip } from '@gridmap/shared/export/shapefile-zip';
import { openDatabase } from '@gridmap/server/db/open-db';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { loadCountyOutline } from '@gridmap/server/demo/load-outline';
import { applyImport, dryRunImport, type ImportFile } from '@gridmap/server/import/run-import';
import { median, printTable } from './bench-utils.ts';

// Figures of issue 10: import of the full demo county's ~400,000 households from CSV and its
// ~2,000 grids from a zipped Shapefile, rows per second for the dry run and the apply.
// Run: `pnpm bench` (all) or `npx tsx scripts/bench/import.ts` (from scripts/).

const RUNS = Number(process.env.BENCH_RUNS ?? 3); // repetitions per figure (median reported)

const HOUSEHOLD_MAPPING: ImportMapping = {
  layer: 'households',
  encoding: 'auto',
  fields: { lon: 'lon', lat: 'lat', address: 'address', size: 'size', tags: 'tags', headName: 'headName', phone: 'phone', externalId: 'id' },
};
const GRID_MAPPING: ImportMapping = { layer: 'areas', level: 'grid', encoding: 'auto', fields: { code: 'code', name: 'name', parentCode: 'parentCode' } };

/** The county's households as a register would come: a CSV with lon/lat columns. */
function householdsCsv(data: CountyData): ImportFile {
  const columns = ['id', 'address', 'size', 'tags', 'headName', 'phone'];
  const rows = data.households.map((h) => ({
    properties: { id: `H${h.id}`, address: h.address, size: h.size, tags: h.tags, headName: h.headName, phone: h.phone },
    geometry: { type: 'Point' as const, coordinates: [h.lon, h.lat] },
  }));
  return { bytes: new TextEncoder().encode(csvText(columns, rows)), name: 'households.csv' };
}

/** The county's grids as a GIS would export them: a zipped Shapefile with parent codes. */
function gridsShapefile(data: CountyData): ImportFile {
  const codes = new Map(data.areas.map((a) => [a.id, a.code]));
  const rows = data.areas
    .filter((a) => a.level === 'grid')
    .map((a) => ({ properties: { code: a.code, name: a.name, parentCode: codes.get(a.parentId!)! }, geometry: a.geometry }));
  return { bytes: shapefileZip('grids', 'polygon', ['code', 'name', 'parentCode'], rows).zip, name: 'grids.zip' };
}

/** A database file seeded with `data`, to be copied fresh for every apply. */
function template(dir: string, name: string, data: CountyData): string {
  const path = join(dir, `${name}.sqlite`);
  const db = openDatabase(path);
  seedCounty(db, data);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

async function timeImport(templatePath: string, dir: string, file: ImportFile, mapping: ImportMapping) {
  const dry: number[] = [];
  const apply: number[] = [];
  let rows = 0;
  let created = 0;
  for (let i = 0; i < RUNS; i++) {
    const path = join(dir, `run-${i}.sqlite`);
    copyFileSync(templatePath, path);
    const db = openDatabase(path);
    let t0 = performance.now();
    const plan = await dryRunImport(db, file, mapping);
    dry.push(performance.now() - t0);
    rows = plan.report.totals.rows;
    if (!plan.report.applicable) throw new Error(`bench import not applicable: ${JSON.stringify(plan.report.totals)} ${plan.report.tiling[0]?.message ?? ''}`);
    t0 = performance.now();
    const result = await applyImport(db, file, mapping, { now: new Date() });
    apply.push(performance.now() - t0);
    created = result.report.totals.create;
    db.close();
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
  }
  return { rows, created, dryS: median(dry) / 1000, applyS: median(apply) / 1000 };
}

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-bench-import-'));
  try {
    const data = generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: 1, now: new Date('2026-11-01T00:00:00Z') });
    const withoutPeople = { ...data, households: [], staff: [], incidents: [], incidentEvents: [] };
    const withoutGrids = { ...withoutPeople, areas: data.areas.filter((a) => a.level !== 'grid'), mediationPoints: data.mediationPoints.filter((m) => m.level !== 'grid') };

    const csv = householdsCsv(data);
    const h = await timeImport(template(dir, 'areas-only', withoutPeople), dir, csv, HOUSEHOLD_MAPPING);
    const shp = gridsShapefile(data);
    const g = await timeImport(template(dir, 'no-grids', withoutGrids), dir, shp, GRID_MAPPING);

    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    printTable(`import (median of ${RUNS} runs; dry run = read + map + plan, apply = read + plan + write in one transaction)`, [
      ['households from CSV: dry run', h.rows / h.dryS, 'rows/s', `${h.rows.toLocaleString('en')} rows, ${mb(csv.bytes.length)} MB UTF-8, ${h.dryS.toFixed(2)} s`],
      ['households from CSV: apply', h.rows / h.applyS, 'rows/s', `${h.created.toLocaleString('en')} created, ${h.applyS.toFixed(2)} s`],
      ['grids from Shapefile: dry run', g.rows / g.dryS, 'rows/s', `${g.rows.toLocaleString('en')} grids, ${mb(shp.bytes.length)} MB zip, tiling checked, ${g.dryS.toFixed(2)} s`],
      ['grids from Shapefile: apply', g.rows / g.applyS, 'rows/s', `${g.created.toLocaleString('en')} created, ${g.applyS.toFixed(2)} s`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
