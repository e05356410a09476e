import { importLayerSchema, importMappingSchema, textEncodingSchema, type ImportMapping, type ImportPreview } from '@gridmap/shared';
import { guessFields } from '@gridmap/shared/import/import-mapping';
import { ImportFileError } from '@gridmap/shared/import/import-file-error';
import { MAX_IMPORT_BYTES, readSource } from '@gridmap/shared/import/read-source';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { requirePermission } from '../auth/scope.ts';
import { deleteMapping, listBatches, listMappings, saveMapping } from '../db/import-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { limitBody, MAX_RECORD_BODY_BYTES } from '../http/body-limit.ts';
import { applyImport, dryRunImport, ImportNotApplicableError, type ImportFile } from '../import/run-import.ts';
import type { TileService } from '../tiles/tile-service.ts';

/** Rows of the file's start shown in a preview. */
const PREVIEW_ROWS = 5;
/** Applied imports listed at most. */
const BATCHES_LISTED = 50;
/** Room for the multipart envelope and the mapping beside the file, in bytes. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const mappingsQuery = queryObject({ layer: importLayerSchema.optional() });
const mappingName = z.object({ name: z.string().min(1).max(100) });
const mappingBody = z.object({ mapping: importMappingSchema }).strict();

/**
 * Imports: upload a file (multipart field `file`), preview its columns, dry-run a mapping
 * (field `mapping`, JSON) for a row-by-row report, and apply it in one transaction. Saved
 * mappings live under `/mappings`. The upload is sent with each step rather than kept on the
 * server: a file of 40 MB goes over a local network in well under a second, and nothing half-
 * imported is ever left waiting on disk. Every step needs the `import` permission (issue 9: the
 * admin role) when signed in; a signed-in write also carries its CSRF token, as every write does.
 */
export function importsRoutes({ db, config, tiles }: AppDeps & { tiles: TileService }) {
  const limit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES,
    onError: () => {
      throw new ApiError('payload_too_large', `the upload is over the limit of ${MAX_IMPORT_BYTES} bytes`, 'file');
    },
  });
  return new Hono<AppEnv>()
    .post('/preview', limit, async (c) => {
      requirePermission(c, 'import');
      const form = await formOf(c);
      const file = await fileOf(form);
      const layer = importLayerSchema.safeParse(form.layer ?? 'households');
      if (!layer.success) throw new ApiError('bad_request', `layer '${String(form.layer)}' is not one of ${importLayerSchema.options.join(', ')}`, 'layer');
      const encoding = textEncodingSchema.safeParse(form.encoding ?? 'auto');
      if (!encoding.success) throw new ApiError('bad_request', `encoding '${String(form.encoding)}' is not auto, utf-8 or gbk`, 'encoding');
      const table = await readSource(file.bytes, file.name, encoding.data).catch(rethrowFileError);
      const preview: ImportPreview = {
        format: table.format,
        encoding: table.encoding,
        declaredCrs: table.declaredCrs,
        columns: table.columns,
        rowCount: table.rows.length,
        geometryTypes: [...new Set(table.rows.map((r) => r.geometry?.type ?? 'none'))],
        sample: table.rows.slice(0, PREVIEW_ROWS).map((r) =>
          Object.fromEntries(table.columns.map((col) => [col, r.properties[col] === null || r.properties[col] === undefined ? null : String(r.properties[col])])),
        ),
        guessedFields: guessFields(layer.data, table.columns),
      };
      return c.json(preview);
    })
    .post('/dry-run', limit, async (c) => {
      requirePermission(c, 'import');
      const form = await formOf(c);
      const file = await fileOf(form);
      const mapping = mappingOf(form);
      const plan = await dryRunImport(db, file, mapping, { skipRejected: flag(form, 'skipRejected') }).catch(rethrowFileError);
      return c.json(plan.report);
    })
    .post('/apply', limit, async (c) => {
      requirePermission(c, 'import');
      const form = await formOf(c);
      const file = await fileOf(form);
      const mapping = mappingOf(form);
      const result = await applyImport(db, file, mapping, { skipRejected: flag(form, 'skipRejected'), now: config.now() }).catch((error: unknown) => {
        if (error instanceof ImportNotApplicableError) throw new ApiError('conflict', error.message, error.report.tiling.length > 0 ? 'file' : 'skipRejected');
        return rethrowFileError(error);
      });
      if (mapping.layer === 'households') tiles.rebuildHouseholds();
      if (mapping.layer === 'incidents') tiles.rebuildIncidents();
      return c.json(result);
    })
    .get('/mappings', validate('query', mappingsQuery), (c) => c.json({ mappings: listMappings(db, c.req.valid('query').layer) }))
    .put('/mappings/:name', limitBody(MAX_RECORD_BODY_BYTES), validate('param', mappingName), validate('json', mappingBody), (c) => {
      requirePermission(c, 'import');
      const saved = saveMapping(db, c.req.valid('param').name, c.req.valid('json').mapping, config.now());
      return c.json(saved);
    })
    .delete('/mappings/:name', validate('param', mappingName), (c) => {
      requirePermission(c, 'import');
      const name = c.req.valid('param').name;
      if (!deleteMapping(db, name)) throw new ApiError('not_found', `no saved mapping named '${name}'`, 'name');
      return c.body(null, 204);
    })
    .get('/batches', (c) => c.json({ batches: listBatches(db, BATCHES_LISTED) }));
}

type Form = Record<string, string | File | (string | File)[]>;

async function formOf(c: Context<AppEnv>): Promise<Form> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new ApiError('bad_request', `send the file as multipart/form-data (got '${type || 'no content type'}')`, 'file');
  }
  return (await c.req.parseBody({ all: true })) as Form;
}

async function fileOf(form: Form): Promise<ImportFile> {
  const file = form.file;
  if (Array.isArray(file)) throw new ApiError('bad_request', `send one file at a time (got ${file.length})`, 'file');
  if (!(file instanceof File)) throw new ApiError('bad_request', 'the form has no file in its field `file`', 'file');
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

function mappingOf(form: Form): ImportMapping {
  const text = form.mapping;
  if (typeof text !== 'string') throw new ApiError('bad_request', 'the form has no mapping (JSON) in its field `mapping`', 'mapping');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'the mapping is not valid JSON', 'mapping');
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('bad_request', issue.message, ['mapping', ...issue.path.map(String)].join('.'));
  }
  return parsed.data;
}

function flag(form: Form, name: string): boolean {
  return form[name] === 'true';
}

function rethrowFileError(error: unknown): never {
  if (error instanceof ImportFileError) {
    // A mapped field at fault is named as the request names it: inside the `mapping` form field.
    const field = error.field.startsWith('fields.') ? `mapping.${error.field}` : error.field;
    throw new ApiError(error.tooLarge ? 'payload_too_large' : 'bad_request', error.message, field);
  }
  throw error;
}
