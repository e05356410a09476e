import { write as writeShapefile } from '@mapbox/shp-write';
import { zipSync } from 'fflate';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { signedRingArea } from '../geo/ring-area.ts';
import { cellText, type ExportRow } from './export-format.ts';

/** The .prj of WGS84 in ESRI WKT, as QGIS and ArcGIS write it. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]';
/** Bytes a DBF text field holds at most (dBase III). */
const DBF_TEXT_BYTES = 254;
/** Characters a DBF field name holds at most. */
const DBF_NAME_LENGTH = 10;

/**
 * A zipped Shapefile of rows: `<name>.shp/.shx/.dbf` with a WGS84 `.prj` and a `.cpg` saying
 * UTF-8, so that QGIS and ogr2ogr read Chinese attributes right. Geometry and the DBF layout
 * come from @mapbox/shp-write; its DBF writer stores one byte per UTF-16 unit, which would
 * mangle Chinese, so text is handed to it already encoded as UTF-8 bytes. Outer rings are
 * rewound clockwise as the Shapefile specification requires (GeoJSON's run the other way).
 * Column names longer than a DBF allows are shortened; `dbfNames` says to what.
 */
export function shapefileZip(
  name: string,
  kind: 'point' | 'polygon',
  columns: readonly string[],
  rows: readonly ExportRow[],
): { zip: Uint8Array; dbfNames: Record<string, string> } {
  const dbfNames = shortNames(columns);
  const records = rows.map((r) => {
    const record: Record<string, string | number | boolean> = {};
    for (const c of columns) {
      const v = r.properties[c] ?? null;
      record[dbfNames[c]] = typeof v === 'number' || typeof v === 'boolean' ? v : utf8Bytes(cellText(v));
    }
    return record;
  });
  // Every row carries every field with the same type, or the DBF header would guess from the first.
  const types = fieldTypes(columns, rows);
  for (const record of records) {
    for (const c of columns) if (types[c] === 'text' && typeof record[dbfNames[c]] !== 'string') record[dbfNames[c]] = String(record[dbfNames[c]]);
  }
  const geometries = rows.map((r) =>
    kind === 'point' ? (r.geometry as { coordinates: Position }).coordinates : clockwiseOuter(r.geometry as Polygon | MultiPolygon),
  );
  let files: { shp: DataView; shx: DataView; dbf: DataView } | null = null;
  writeShapefile(records, kind === 'point' ? 'POINT' : 'POLYGON', geometries, (error: unknown, out: typeof files) => {
    if (error) throw error;
    files = out;
  });
  const out = files as unknown as { shp: DataView; shx: DataView; dbf: DataView };
  const bytes = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const text = (s: string) => new TextEncoder().encode(s);
  const zip = zipSync({
    [`${name}.shp`]: bytes(out.shp),
    [`${name}.shx`]: bytes(out.shx),
    [`${name}.dbf`]: bytes(out.dbf),
    [`${name}.prj`]: text(WGS84_PRJ),
    [`${name}.cpg`]: text('UTF-8'),
  });
  return { zip, dbfNames };
}

/** Columns whose values are all numbers stay numeric; any text makes the column text. */
function fieldTypes(columns: readonly string[], rows: readonly ExportRow[]): Record<string, 'number' | 'boolean' | 'text'> {
  const types: Record<string, 'number' | 'boolean' | 'text'> = {};
  for (const c of columns) {
    const values = rows.map((r) => r.properties[c] ?? null).filter((v) => v !== null);
    types[c] = values.length > 0 && values.every((v) => typeof v === 'number') ? 'number'
      : values.length > 0 && values.every((v) => typeof v === 'boolean') ? 'boolean' : 'text';
  }
  return types;
}

/** UTF-8 bytes of `text` as a string of one char per byte, cut to whole characters within a DBF field. */
function utf8Bytes(text: string): string {
  let bytes = new TextEncoder().encode(text);
  if (bytes.length > DBF_TEXT_BYTES) {
    let end = DBF_TEXT_BYTES;
    while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back to the start of a character
    bytes = bytes.subarray(0, end);
  }
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Names of at most 10 ASCII characters, unique: 'mediationPointId' → 'mediationP', then 'mediatio_2'. */
function shortNames(columns: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  const used = new Set<string>();
  for (const c of columns) {
    let n = c.replace(/[^A-Za-z0-9_]/g, '_').slice(0, DBF_NAME_LENGTH);
    for (let k = 2; used.has(n.toLowerCase()); k++) n = `${n.slice(0, DBF_NAME_LENGTH - String(k).length - 1)}_${k}`;
    used.add(n.toLowerCase());
    names[c] = n;
  }
  return names;
}

function clockwiseOuter(g: Polygon | MultiPolygon): Position[][] | Position[][][] {
  const orient = (rings: Position[][]) =>
    rings.map((ring, i) => {
      const clockwise = signedRingArea(ring) < 0;
      return (i === 0) === clockwise ? ring : [...ring].reverse();
    });
  return g.type === 'Polygon' ? orient(g.coordinates) : g.coordinates.map(orient);
}
