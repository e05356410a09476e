import Papa from 'papaparse';
import { decodeText, type TextEncodingChoice } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceTable } from './source-table.ts';

/**
 * Reads a CSV (UTF-8 with or without BOM, or GBK as Excel saves it on Chinese Windows) with a
 * header row. Cells stay text; the mapping converts them. Separators other than the comma
 * (Excel's ';' or a tab) are detected by papaparse.
 */
export function readCsv(bytes: Uint8Array, encoding: TextEncodingChoice): SourceTable {
  const decoded = decodeText(bytes, encoding);
  const parsed = Papa.parse<Record<string, string>>(decoded.text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  if (columns.length === 0) throw new ImportFileError('the CSV has no header row');
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new ImportFileError(`the CSV is malformed at data row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate !== undefined) throw new ImportFileError(`the CSV names column '${duplicate}' twice`);
  return {
    format: 'csv',
    columns,
    rows: parsed.data.map((r) => {
      const properties: Record<string, string | null> = {};
      for (const c of columns) properties[c] = r[c] === undefined ? null : r[c];
      return { properties, geometry: null };
    }),
    declaredCrs: null,
    encoding: decoded.encoding,
  };
}
