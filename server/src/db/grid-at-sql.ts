import { pointInPolygon } from '@gridmap/shared/geo/point-in-ring';
import type { AreaRecord } from '@gridmap/shared';
import type { Db } from './open-db.ts';

/**
 * The grid containing (lon, lat), or null outside every grid (and so outside the county, which
 * its grids tile). The R*Tree narrows the candidates to the few grids whose boxes hold the
 * point; only those geometries are parsed and tested.
 */
export function gridAt(db: Db, lon: number, lat: number): number | null {
  // CROSS JOIN keeps the R*Tree the outer loop: left to itself SQLite walks every grid by areas_level
  // (a province's 60,000, tens of ms per intake).
  const candidates = db
    .prepare(`SELECT a.id, a.geometry FROM areas_rtree r CROSS JOIN areas a ON a.id = r.id
      WHERE r.min_lon <= ? AND r.max_lon >= ? AND r.min_lat <= ? AND r.max_lat >= ? AND a.level = 'grid'
      ORDER BY a.id`)
    .all(lon, lon, lat, lat) as { id: number; geometry: string }[];
  for (const candidate of candidates) {
    if (pointInPolygon(lon, lat, JSON.parse(candidate.geometry) as AreaRecord['geometry'])) return candidate.id;
  }
  return null;
}
