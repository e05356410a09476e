import type { Geometry } from 'geojson';
import { decodeText } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceRow, SourceTable } from './source-table.ts';

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature). RFC 7946 GeoJSON is UTF-8 and in
 * WGS84; a file from a Chinese web map may still be in GCJ-02, which the user then names.
 * Geometries are checked later, row by row, so that one bad polygon rejects one row.
 */
export function readGeojson(bytes: Uint8Array): SourceTable {
  const { text } = decodeText(bytes, 'utf-8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`the file is not valid JSON: ${(error as Error).message}`);
  }
  const features = featuresOf(json);
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows: SourceRow[] = features.map((f, i) => {
    if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') {
      throw new ImportFileError(`feature ${i + 1} is not a GeoJSON Feature`);
    }
    const { properties, geometry } = f as { properties?: unknown; geometry?: unknown };
    const props: SourceRow['properties'] = {};
    if (typeof properties === 'object' && properties !== null) {
      for (const [k, v] of Object.entries(properties)) {
        if (!seen.has(k)) {
          seen.add(k);
          columns.push(k);
        }
        props[k] = v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string | number | boolean | null) : JSON.stringify(v);
      }
    }
    return { properties: props, geometry: (geometry ?? null) as Geometry | null };
  });
  return { format: 'geojson', columns, rows, declaredCrs: null, encoding: 'utf-8' };
}

function featuresOf(json: unknown): unknown[] {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  if (type === 'FeatureCollection') {
    const features = (json as { features?: unknown }).features;
    if (!Array.isArray(features)) throw new ImportFileError('the FeatureCollection has no features array');
    return features;
  }
  if (type === 'Feature') return [json];
  throw new ImportFileError(`the JSON is not a GeoJSON FeatureCollection or Feature (type: ${String(type)})`);
}
