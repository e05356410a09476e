import gcoord from 'gcoord';
import { z } from 'zod';

/**
 * Coordinate systems a Chinese source comes in. CGCS2000 differs from WGS84 by centimetres, far
 * below the accuracy of a household register, so it is taken as WGS84. GCJ-02 is the offset
 * datum of Gaode (AMap) and Tencent maps, BD-09 Baidu's further offset of it.
 */
export const COORDINATE_SYSTEMS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];
export const coordinateSystemSchema = z.enum(COORDINATE_SYSTEMS);

/** [lon, lat] in WGS84 of a position given in `crs`, e.g. toWgs84([116.41024, 39.91640], 'gcj02') ≈ [116.404, 39.915]. */
export function toWgs84(position: readonly [number, number], crs: CoordinateSystem): [number, number] {
  if (crs === 'wgs84' || crs === 'cgcs2000') return [position[0], position[1]];
  // gcoord inverts GCJ-02 by iteration (exact to ~1e-9°), not the 1–2 m one-step approximation.
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [lon, lat] = gcoord.transform([position[0], position[1]], from, gcoord.WGS84) as [number, number];
  return [lon, lat];
}

/** The result of reading a .prj: a system we convert from, or the reason we cannot. */
export type PrjReading = { crs: CoordinateSystem } | { unsupported: string };

/**
 * Reads the coordinate system of a shapefile's .prj (ESRI WKT). Geographic WGS84 and CGCS2000
 * are read as such; a projected system (Gauss-Krüger, UTM, Web Mercator) is refused, since
 * GridMap stores degrees and reprojecting is a GIS's job (QGIS: Export › Save Features As…).
 */
export function readPrj(wkt: string): PrjReading {
  const text = wkt.trim();
  if (/^PROJCS\[/i.test(text)) {
    const name = /^PROJCS\["([^"]*)"/i.exec(text)?.[1] ?? 'unknown';
    return { unsupported: `projected coordinate system '${name}'; export it in geographic degrees (WGS84 or CGCS2000)` };
  }
  if (/CGCS[_ ]?2000|China[_ ]Geodetic[_ ]Coordinate[_ ]System[_ ]2000|China[_ ]2000/i.test(text)) return { crs: 'cgcs2000' };
  if (/WGS[_ ]?(19)?84/i.test(text)) return { crs: 'wgs84' };
  const name = /^GEOGCS\["([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 40);
  return { unsupported: `coordinate system '${name}'; GridMap reads WGS84 and CGCS2000 from a .prj` };
}
