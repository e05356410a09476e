import { readFileSync } from 'node:fs';
import type { ImportMappingInput } from '@gridmap/shared';
import type { TestApp } from './test-app.ts';
import type { Db } from '../db/open-db.ts';

/** The bytes of a file in data/fixtures (see make-fixtures.sh there). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../data/fixtures/${name}`, import.meta.url)));
}

/** POSTs a file (and a mapping) to /api/imports/<step> as a browser form would. */
export async function postImport(
  app: TestApp['app'],
  step: 'preview' | 'dry-run' | 'apply',
  file: { name: string; bytes: Uint8Array | string },
  fields: { mapping?: ImportMappingInput; skipRejected?: boolean; layer?: string } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
  form.append('file', new File([bytes], file.name));
  if (fields.mapping) form.append('mapping', JSON.stringify(fields.mapping));
  if (fields.skipRejected) form.append('skipRejected', 'true');
  if (fields.layer) form.append('layer', fields.layer);
  const res = await app.request(`/api/imports/${step}`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

/** Row counts of every table an import writes, to show that a refused import wrote nothing. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = ['areas', 'area_closure', 'areas_rtree', 'households', 'households_rtree', 'mediation_points', 'incidents', 'incidents_rtree', 'import_batches'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}
