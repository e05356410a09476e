import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importMappingSchema, type ImportMapping, type ImportReport } from '@gridmap/shared';
import { ImportFileError } from '@gridmap/shared/import/import-file-error';
import { listMappings, saveMapping } from '@gridmap/server/db/import-sql';
import { openDatabase } from '@gridmap/server/db/open-db';
import { applyImport, dryRunImport, ImportNotApplicableError } from '@gridmap/server/import/run-import';

/** Rejected rows and tiling problems printed at most; the whole report goes to --report. */
const PRINTED_PROBLEMS = 20;

const USAGE = `Usage: pnpm --filter @gridmap/scripts import -- --database FILE --file FILE (--mapping JSON | --saved NAME | --layer L --map field=column …)
  [--level county|town|community|grid] [--crs wgs84|cgcs2000|gcj02|bd09] [--encoding auto|utf-8|gbk]
  [--apply] [--skip-rejected] [--report report.json] [--save-mapping NAME]
Dry run by default: prints what would be created, updated or rejected. --apply writes it in one transaction.`;

export interface ImportArgs {
  database: string;
  file: string;
  mapping: ImportMapping | { saved: string };
  apply: boolean;
  skipRejected: boolean;
  report: string | null;
  saveAs: string | null;
}

/** Reads the command line; paths are resolved against `cwd`. Throws with the usage on bad arguments. */
export function parseImportArgs(argv: string[], cwd: string): ImportArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      database: { type: 'string' },
      file: { type: 'string' },
      mapping: { type: 'string' },
      saved: { type: 'string' },
      layer: { type: 'string' },
      level: { type: 'string' },
      crs: { type: 'string' },
      encoding: { type: 'string' },
      map: { type: 'string', multiple: true },
      apply: { type: 'boolean', default: false },
      'skip-rejected': { type: 'boolean', default: false },
      report: { type: 'string' },
      'save-mapping': { type: 'string' },
    },
  });
  if (!values.database || !values.file) throw new Error(`--database and --file are required\n${USAGE}`);
  let mapping: ImportArgs['mapping'];
  if (values.saved) {
    mapping = { saved: values.saved };
  } else {
    const base = values.mapping ? (JSON.parse(readFileSync(resolve(cwd, values.mapping), 'utf8')) as Record<string, unknown>) : {};
    const fields = { ...((base.fields as Record<string, string>) ?? {}) };
    for (const pair of values.map ?? []) {
      const [field, column] = pair.split('=');
      if (!field || !column) throw new Error(`--map takes field=column, got '${pair}'`);
      fields[field] = column;
    }
    const parsed = importMappingSchema.safeParse({
      ...base,
      ...(values.layer && { layer: values.layer }),
      ...(values.level && { level: values.level }),
      ...(values.crs && { crs: values.crs }),
      ...(values.encoding && { encoding: values.encoding }),
      fields,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`mapping: ${issue.path.join('.') || '(root)'}: ${issue.message}\n${USAGE}`);
    }
    mapping = parsed.data;
  }
  return {
    database: resolve(cwd, values.database),
    file: resolve(cwd, values.file),
    mapping,
    apply: values.apply,
    skipRejected: values['skip-rejected'],
    report: values.report ? resolve(cwd, values.report) : null,
    saveAs: values['save-mapping'] ?? null,
  };
}

/** The report as a person reads it in a terminal. */
export function formatReport(report: ImportReport, applied: boolean): string {
  const { totals } = report;
  const lines = [
    `${report.layer}${report.level ? ` (${report.level})` : ''} from ${report.format}` +
      `${report.encoding ? `, ${report.encoding}` : ''}, ${report.crs}: ${totals.rows} rows`,
    `  ${applied ? 'created' : 'would create'} ${totals.create}, ${applied ? 'updated' : 'would update'} ${totals.update}, rejected ${totals.reject}`,
  ];
  const rejected = report.rows.filter((r) => r.action === 'reject');
  for (const r of rejected.slice(0, PRINTED_PROBLEMS)) {
    lines.push(`  row ${r.row} (${r.key}): ${r.problems.map((p) => p.message).join('; ')}`);
  }
  if (rejected.length > PRINTED_PROBLEMS) lines.push(`  … and ${totals.reject - PRINTED_PROBLEMS} more rejected rows (see --report)`);
  for (const t of report.tiling.slice(0, PRINTED_PROBLEMS)) lines.push(`  tiling: ${t.message}`);
  if (!applied) lines.push(report.applicable ? '  applicable: run again with --apply' : '  not applicable as it is');
  return lines.join('\n');
}

/** Runs one import (dry run unless --apply); returns the exit code. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv, cwd);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const db = openDatabase(args.database);
  try {
    let mapping: ImportMapping;
    if ('saved' in args.mapping) {
      const name = args.mapping.saved;
      const saved = listMappings(db).find((m) => m.name === name);
      if (!saved) throw new ImportFileError(`no saved mapping named '${name}'`, 'saved');
      mapping = saved.mapping;
    } else {
      mapping = args.mapping;
    }
    const file = { bytes: new Uint8Array(readFileSync(args.file)), name: basename(args.file) };
    const options = { skipRejected: args.skipRejected, now: new Date() };
    const report = args.apply ? (await applyImport(db, file, mapping, options)).report : (await dryRunImport(db, file, mapping, options)).report;
    console.log(formatReport(report, args.apply));
    if (args.report) writeFileSync(args.report, JSON.stringify(report, null, 2));
    if (args.saveAs) saveMapping(db, args.saveAs, mapping, new Date());
    return 0;
  } catch (error) {
    if (error instanceof ImportNotApplicableError) {
      console.error(formatReport(error.report, false));
      console.error(`not applied: ${error.message}`);
      return 1;
    }
    if (error instanceof ImportFileError) {
      console.error(`${error.field}: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
