import { csvText } from './csv-text.ts';
import type { ExportFormat, ExportRow } from './export-format.ts';
import { shapefileZip } from './shapefile-zip.ts';

/** An export ready to send: its bytes, media type and a file name with the right extension. */
export interface EncodedExport {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
}

/**
 * Encodes rows in one of the export formats. `name` names the file (and the layer inside a
 * shapefile zip); `kind` says whether the rows are points or polygons, which an empty export
 * cannot tell from its rows.
 */
export function encodeExport(format: ExportFormat, name: string, kind: 'point' | 'polygon', columns: readonly string[], rows: readonly ExportRow[]): EncodedExport {
  if (format === 'csv') return { body: csvText(columns, rows), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
  if (format === 'shp') return { body: shapefileZip(name, kind, columns, rows).zip, contentType: 'application/zip', fileName: `${name}.zip` };
  const collection = {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: r.properties })),
  };
  return { body: JSON.stringify(collection), contentType: 'application/geo+json; charset=utf-8', fileName: `${name}.geojson` };
}
