import type { Geometry } from 'geojson';
import type { CoordinateSystem } from './coordinate-system.ts';

/** The formats an import reads. */
export const SOURCE_FORMATS = ['geojson', 'shapefile', 'csv'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** One row of a source: its attributes as read, and its geometry when the format has one. */
export interface SourceRow {
  properties: Record<string, string | number | boolean | null>;
  geometry: Geometry | null;
}

/** A source file read into rows, before any mapping. */
export interface SourceTable {
  format: SourceFormat;
  /** Column names in the source's order (the union over rows for GeoJSON). */
  columns: string[];
  rows: SourceRow[];
  /** The coordinate system the file itself declares (a shapefile's .prj), if any. */
  declaredCrs: CoordinateSystem | null;
  /** The text encoding used to read it, for formats with text attributes. */
  encoding: 'utf-8' | 'gbk' | null;
}
