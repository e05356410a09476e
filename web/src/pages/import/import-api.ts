import {
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
import { fetchJson, postForm, putJson } from '../../api/fetch-json.ts';

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
export function saveMapping(name: string, mapping: ImportMappingInput) {
  return putJson(`/api/imports/mappings/${encodeURIComponent(name)}`, { mapping }, savedMappingSchema);
}
