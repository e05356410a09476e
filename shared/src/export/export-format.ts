import { z } from 'zod';

/** Formats every layer exports to: GeoJSON, CSV (UTF-8 with BOM, for Excel) and zipped Shapefile. */
export const EXPORT_FORMATS = ['geojson', 'csv', 'shp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/** Cell values an export writes; arrays are joined with ';' in CSV and Shapefile. */
export type ExportValue = string | number | boolean | null | readonly string[];

/** One exported row: its attributes in column order, and its geometry in WGS84. */
export interface ExportRow {
  properties: Record<string, ExportValue>;
  geometry: import('geojson').Point | import('geojson').Polygon | import('geojson').MultiPolygon;
}

/** The text of a cell in CSV and DBF: lists joined with ';', null empty. */
export function cellText(value: ExportValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}
