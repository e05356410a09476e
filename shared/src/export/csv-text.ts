import type { Position } from 'geojson';
import { cellText, type ExportRow } from './export-format.ts';

/**
 * CSV text of rows, UTF-8 with a BOM so that Excel on Chinese Windows opens it as UTF-8 rather than
 * GBK. Points get `lon` and `lat` columns; polygons a `wkt` column, which QGIS and ogr2ogr read
 * as geometry. Cells are quoted when they hold a comma, quote or line break (RFC 4180).
 */
export function csvText(columns: readonly string[], rows: readonly ExportRow[]): string {
  const points = rows.length === 0 || rows[0].geometry.type === 'Point';
  const header = [...columns, ...(points ? ['lon', 'lat'] : ['wkt'])];
  const lines = [header.map(quote).join(',')];
  for (const row of rows) {
    const cells = columns.map((c) => quote(cellText(row.properties[c] ?? null)));
    const g = row.geometry;
    if (g.type === 'Point') cells.push(String(g.coordinates[0]), String(g.coordinates[1]));
    else cells.push(quote(wkt(g)));
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Well-known text of a polygon or multipolygon. */
export function wkt(g: import('geojson').Polygon | import('geojson').MultiPolygon): string {
  const ring = (r: Position[]) => `(${r.map((p) => `${p[0]} ${p[1]}`).join(', ')})`;
  const poly = (rings: Position[][]) => `(${rings.map(ring).join(', ')})`;
  return g.type === 'Polygon' ? `POLYGON ${poly(g.coordinates)}` : `MULTIPOLYGON (${g.coordinates.map(poly).join(', ')})`;
}
