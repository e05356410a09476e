import { unzipSync } from 'fflate';
import type { Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { readPrj } from './coordinate-system.ts';
import { detectEncoding, encodingFromCpg, type TextEncodingChoice } from './decode-text.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceRow, SourceTable } from './source-table.ts';

/**
 * Reads a zipped Shapefile: exactly one .shp with its .dbf, and its .prj and .cpg when present.
 * The attribute encoding comes from the user, else the .cpg, else the bytes themselves (valid
 * UTF-8 or GBK, as ArcGIS and QGIS on Chinese Windows write it without a .cpg).
 */
export async function readShapefileZip(bytes: Uint8Array, encoding: TextEncodingChoice): Promise<SourceTable> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ImportFileError(`the file is not a valid zip archive: ${(error as Error).message}`);
  }
  // Names compare case-insensitively (.SHP from old tools); macOS resource forks are skipped.
  const names = Object.keys(files).filter((n) => !n.startsWith('__MACOSX/') && !n.endsWith('/'));
  const shps = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  if (shps.length === 0) {
    throw new ImportFileError(`the zip holds no .shp file (it holds: ${names.join(', ') || 'nothing'})`);
  }
  if (shps.length > 1) throw new ImportFileError(`the zip holds ${shps.length} shapefiles (${shps.join(', ')}); zip one layer at a time`);
  const base = shps[0].slice(0, -4);
  const sibling = (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${base.toLowerCase()}.${ext}`);
    return name === undefined ? null : files[name];
  };
  const dbf = sibling('dbf');
  if (dbf === null) throw new ImportFileError(`the zip holds ${shps[0]} but not its attribute table ${base}.dbf`);
  const prj = sibling('prj');
  const cpg = sibling('cpg');

  let declaredCrs: SourceTable['declaredCrs'] = null;
  if (prj !== null) {
    const reading = readPrj(new TextDecoder().decode(prj));
    if ('unsupported' in reading) throw new ImportFileError(`${base}.prj names an unsupported ${reading.unsupported}`, 'crs');
    declaredCrs = reading.crs;
  }
  const chosen =
    encoding !== 'auto'
      ? encoding
      : (cpg !== null ? encodingFromCpg(new TextDecoder().decode(cpg)) : null) ?? detectEncoding(dbfRecords(dbf));

  let collection: { features: { properties: Record<string, unknown> | null; geometry: Geometry | null }[] };
  try {
    // The library reads from an ArrayBuffer of its own; unzipped entries are views into one.
    collection = await shapefile.read(copyBuffer(sibling('shp')!), copyBuffer(dbf), {
      encoding: chosen === 'gbk' ? 'gb18030' : 'utf-8',
    });
  } catch (error) {
    throw new ImportFileError(`${shps[0]} could not be read as a shapefile: ${(error as Error).message}`);
  }
  const columns = dbfColumns(collection.features);
  const rows: SourceRow[] = collection.features.map((f) => {
    const properties: SourceRow['properties'] = {};
    for (const c of columns) {
      const v = f.properties?.[c];
      properties[c] = typeof v === 'string' ? v.trim() : v instanceof Date ? v.toISOString() : ((v ?? null) as number | boolean | null);
    }
    return { properties, geometry: f.geometry };
  });
  return { format: 'shapefile', columns, rows, declaredCrs, encoding: chosen };
}

function copyBuffer(view: Uint8Array): ArrayBuffer {
  return view.slice().buffer as ArrayBuffer;
}

/** The record bytes of a .dbf, after its header (whose binary counts are not text). */
function dbfRecords(dbf: Uint8Array): Uint8Array {
  if (dbf.length < 12) return dbf;
  const headerBytes = dbf[8] | (dbf[9] << 8);
  return dbf.subarray(Math.min(headerBytes, dbf.length));
}

function dbfColumns(features: { properties: Record<string, unknown> | null }[]): string[] {
  return features.length === 0 ? [] : Object.keys(features[0].properties ?? {});
}
