import {
  errorBodySchema,
  importPreviewSchema,
  importReportSchema,
  importResultSchema,
  savedMappingSchema,
  type ImportLayer,
  type ImportMappingInput,
  type TextEncodingChoice,
} from '@gridmap/shared';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, fetchJson } from '../../api/fetch-json.ts';

/** POSTs a form to an import step and parses the answer; a 4xx becomes an ApiRequestError with the server's message. */
async function postForm<S extends z.ZodTypeAny>(path: string, form: FormData, schema: S): Promise<z.infer<S>> {
  const response = await fetch(path, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    throw new ApiRequestError(response.status, body.success ? body.data.code : null, body.success ? body.data.message : `POST ${path}: HTTP ${response.status}`);
  }
  return schema.parse(json);
}

function uploadForm(file: File, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.append('file', file);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

/** What a file holds and a first guess at its mapping. */
export function previewImport(file: File, layer: ImportLayer, encoding: TextEncodingChoice) {
  return postForm('/api/imports/preview', uploadForm(file, { layer, encoding }), importPreviewSchema);
}

/** The dry-run report: nothing is written. */
export function dryRunImport(file: File, mapping: ImportMappingInput, skipRejected: boolean) {
  return postForm('/api/imports/dry-run', uploadForm(file, { mapping: JSON.stringify(mapping), skipRejected: String(skipRejected) }), importReportSchema);
}

/** Writes the import in one transaction on the server. */
export function applyImport(file: File, mapping: ImportMappingInput, skipRejected: boolean) {
  return postForm('/api/imports/apply', uploadForm(file, { mapping: JSON.stringify(mapping), skipRejected: String(skipRejected) }), importResultSchema);
}

const savedMappingsSchema = z.object({ mappings: z.array(savedMappingSchema) });

/** Saved mappings of one layer; the key sits under ['imports'] so that saving refreshes it. */
export const savedMappingsQueryOptions = (layer: ImportLayer) =>
  queryOptions({
    queryKey: ['imports', 'mappings', layer],
    queryFn: ({ signal }) => fetchJson(`/api/imports/mappings?layer=${layer}`, savedMappingsSchema, signal),
  });

/** Saves (or replaces) a mapping under a name. */
export async function saveMapping(name: string, mapping: ImportMappingInput) {
  const response = await fetch(`/api/imports/mappings/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ mapping }),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    throw new ApiRequestError(response.status, body.success ? body.data.code : null, body.success ? body.data.message : `HTTP ${response.status}`);
  }
  return savedMappingSchema.parse(json);
}
