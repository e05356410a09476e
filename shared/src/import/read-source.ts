import type { TextEncodingChoice } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import { readCsv } from './read-csv.ts';
import { readGeojson } from './read-geojson.ts';
import { readShapefileZip } from './read-shapefile-zip.ts';
import type { SourceFormat, SourceTable } from './source-table.ts';

/** The largest file an import reads, in bytes (400,000 households of CSV are ~40 MB). */
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;

/**
 * Reads an uploaded file into rows. The format is taken from the file's first bytes (a zip is a
 * shapefile, '{' is GeoJSON) and its name, so that a renamed file is still read for what it is.
 */
export async function readSource(bytes: Uint8Array, fileName: string, encoding: TextEncodingChoice): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportFileError(`${fileName || 'the file'} is empty`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(`${fileName} is ${bytes.length} bytes, over the limit of ${MAX_IMPORT_BYTES}`, 'file', { tooLarge: true });
  }
  const format = sourceFormat(bytes, fileName);
  const table =
    format === 'shapefile' ? await readShapefileZip(bytes, encoding) : format === 'geojson' ? readGeojson(bytes) : readCsv(bytes, encoding);
  if (table.rows.length === 0) throw new ImportFileError(`${fileName} holds no rows`);
  return table;
}

/** The format of a file from its content, falling back on its extension. */
export function sourceFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  const name = fileName.toLowerCase();
  if (/\.(xlsx?|xlsm|et)$/.test(name) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new ImportFileError(`${fileName} is an Excel workbook; save it as CSV (UTF-8 or GBK) first`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'shapefile'; // 'PK': a zip archive
  const first = firstNonSpace(bytes);
  if (first === 0x7b || name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson'; // '{'
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.zip') || name.endsWith('.shp')) {
    throw new ImportFileError(`${fileName} is not a zip archive; zip the .shp with its .dbf, .prj and .cpg`);
  }
  throw new ImportFileError(`${fileName} is not a format GridMap reads (GeoJSON, zipped Shapefile, CSV)`);
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // BOM
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i];
}
