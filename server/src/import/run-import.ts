import type { ImportMapping, ImportReport } from '@gridmap/shared';
import { planImport, type ImportPlan } from '@gridmap/shared/import/plan-import';
import { readSource } from '@gridmap/shared/import/read-source';
import type { SourceTable } from '@gridmap/shared/import/source-table';
import { importContext, writePlan } from '../db/import-sql.ts';
import type { Db } from '../db/open-db.ts';

/** An uploaded file: its bytes and the name it came under (the name helps tell CSV from GeoJSON). */
export interface ImportFile {
  bytes: Uint8Array;
  name: string;
}

/** Apply was asked for a plan that cannot be applied; `report` says why. */
export class ImportNotApplicableError extends Error {
  constructor(readonly report: ImportReport) {
    super(notApplicableReason(report));
    this.name = 'ImportNotApplicableError';
  }
}

/** Reads the file and plans its import against the database: the dry run. Writes nothing. */
export async function dryRunImport(db: Db, file: ImportFile, mapping: ImportMapping, options: { skipRejected?: boolean } = {}): Promise<ImportPlan> {
  const table = await readSource(file.bytes, file.name, mapping.encoding);
  return planImport(table, mapping, importContext(db), options);
}

/**
 * Reads the file, then plans and writes it in ONE transaction, so that the plan holds for the
 * database it is written to and a failure leaves the database as it was. Throws
 * ImportNotApplicableError (nothing written) when rows are rejected and not skipped, or areas
 * would not tile their parents.
 */
export async function applyImport(
  db: Db,
  file: ImportFile,
  mapping: ImportMapping,
  options: { skipRejected?: boolean; now: Date },
): Promise<{ batchId: number; report: ImportReport }> {
  const table: SourceTable = await readSource(file.bytes, file.name, mapping.encoding);
  return db.transaction(() => {
    const plan = planImport(table, mapping, importContext(db), options);
    if (!plan.report.applicable) throw new ImportNotApplicableError(plan.report);
    return { batchId: writePlan(db, plan, file.name, options.now), report: plan.report };
  })();
}

function notApplicableReason(report: ImportReport): string {
  if (report.tiling.length > 0) {
    return `the imported areas do not tile their parents in ${report.tiling.length} place(s), e.g. ${report.tiling[0].message}`;
  }
  if (report.totals.reject > 0) {
    return `${report.totals.reject} of ${report.totals.rows} rows are rejected; fix them, or apply with skipRejected to leave them out`;
  }
  return 'the file has no row to create or update';
}
