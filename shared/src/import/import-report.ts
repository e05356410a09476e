import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { coordinateSystemSchema } from './coordinate-system.ts';
import { importLayerSchema } from './import-layer.ts';
import { ROW_PROBLEM_CODES } from './row-problem.ts';
import { SOURCE_FORMATS } from './source-table.ts';

/** Rows listed one by one in a report at most; the totals always count every row. */
export const MAX_REPORT_ROWS = 5_000;

const position = z.tuple([z.number(), z.number()]);

export const rowProblemSchema = z.object({
  code: z.enum(ROW_PROBLEM_CODES),
  message: z.string(),
  field: z.string().optional(),
  where: position.optional(),
});

/** What an import does (or would do) with one row of the file. */
export const reportRowSchema = z.object({
  /** 1-based number of the row among the file's data rows (a CSV's header is not counted). */
  row: z.number().int(),
  action: z.enum(['create', 'update', 'reject']),
  /** What identifies the row to a person: a code, an external id, a name or an address. */
  key: z.string(),
  /** Where it goes: the parent of an area, the grid of a point. */
  target: z.string().nullable(),
  problems: z.array(rowProblemSchema),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const tilingProblemSchema = z.object({
  kind: z.enum(['gap', 'overlap', 'outside']),
  parentCode: z.string(),
  codes: z.array(z.string()),
  areaM2: z.number(),
  where: position,
  message: z.string(),
});

/**
 * The dry-run report (and, after apply, the record of what was written): totals, the rows one by
 * one (rejected first when over MAX_REPORT_ROWS), and where imported areas do not tile their parent.
 */
export const importReportSchema = z.object({
  layer: importLayerSchema,
  level: areaLevelSchema.nullable(),
  format: z.enum(SOURCE_FORMATS),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  crs: coordinateSystemSchema,
  totals: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    reject: z.number().int(),
  }),
  rows: z.array(reportRowSchema),
  rowsLeftOut: z.number().int(),
  tiling: z.array(tilingProblemSchema),
  /** True when applying would write: no tiling problem, and no rejected row unless they are skipped. */
  applicable: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** `POST /api/imports/apply`: the report and the batch it was written as. */
export const importResultSchema = z.object({
  batchId: z.number().int(),
  report: importReportSchema,
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** `POST /api/imports/preview`: what the file holds, for the mapping form. */
export const importPreviewSchema = z.object({
  format: z.enum(SOURCE_FORMATS),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  declaredCrs: coordinateSystemSchema.nullable(),
  columns: z.array(z.string()),
  rowCount: z.number().int(),
  geometryTypes: z.array(z.string()),
  /** The first rows' attributes, as text. */
  sample: z.array(z.record(z.string(), z.string().nullable())),
  /** A first guess at the mapping's fields from the column names. */
  guessedFields: z.record(z.string(), z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
