/** [minLon, minLat, maxLon, maxLat] in degrees (WGS84). */
export type Bbox = [number, number, number, number];

/**
 * Points of `alias` inside a bbox: candidates from the R*Tree (whose 32-bit boxes are rounded
 * outwards), then the exact test on the stored coordinates, so that edges are inclusive and exact.
 */
export function bboxCondition(alias: string, rtree: string): string {
  return `${alias}.id IN (SELECT id FROM ${rtree}
      WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)
    AND ${alias}.lon BETWEEN ? AND ? AND ${alias}.lat BETWEEN ? AND ?`;
}

export function bboxParams([minLon, minLat, maxLon, maxLat]: Bbox): number[] {
  return [minLon, maxLon, minLat, maxLat, minLon, maxLon, minLat, maxLat];
}
