import type { Db } from './open-db.ts';

/** An area as a tile needs it: what it is called, where it hangs, and its stored outline. */
export interface AreaTileRow {
  id: number;
  name: string;
  parentId: number | null;
  parentName: string | null;
  level: string;
  labelLon: number;
  labelLat: number;
  geometry: string;
}

/**
 * Areas of `level` whose bbox meets [minLon, minLat, maxLon, maxLat], through the areas R*Tree:
 * [id, bbox width × height in square degrees] by id.
 */
export function areasInBbox(db: Db, level: string, [minLon, minLat, maxLon, maxLat]: readonly number[]): [number, number][] {
  return db
    // CROSS JOIN keeps the R*Tree the outer loop: left to itself SQLite walks every area of the level by areas_level.
    .prepare(`SELECT a.id, (a.max_lon - a.min_lon) * (a.max_lat - a.min_lat) FROM areas_rtree r CROSS JOIN areas a ON a.id = r.id
      WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ? AND a.level = ?
      ORDER BY a.id`)
    .raw()
    .all(minLon, maxLon, minLat, maxLat, level) as [number, number][];
}

/** How many areas of `level` there are (the areas_level index). */
export function countAreasOfLevel(db: Db, level: string): number {
  return db.prepare('SELECT count(*) FROM areas WHERE level = ?').pluck().get(level) as number;
}

/** One area's tile row, or null when there is no such id. */
export function getAreaTileRow(db: Db, id: number): AreaTileRow | null {
  return (
    (db.prepare(`SELECT a.id, a.name, a.parent_id AS parentId, p.name AS parentName, a.level, a.label_lon AS labelLon,
        a.label_lat AS labelLat, a.geometry FROM areas a LEFT JOIN areas p ON p.id = a.parent_id WHERE a.id = ?`).get(id) as AreaTileRow | undefined) ?? null
  );
}

/** Bboxes [minLon, minLat, maxLon, maxLat] of the given areas (those that exist). */
export function areaBboxes(db: Db, ids: readonly number[]): [number, number, number, number][] {
  const stmt = db.prepare('SELECT min_lon, min_lat, max_lon, max_lat FROM areas WHERE id = ?').raw();
  return ids.flatMap((id) => {
    const row = stmt.get(id) as [number, number, number, number] | undefined;
    return row ? [row] : [];
  });
}

/** Ids of the areas inside area `areaId`, itself included (the area closure): what a scoped account's area tiles show. */
export function areaIdsWithin(db: Db, areaId: number): Set<number> {
  return new Set(db.prepare('SELECT descendant_id FROM area_closure WHERE ancestor_id = ?').pluck().all(areaId) as number[]);
}

/**
 * What the area tiles are made from, as a string that changes whenever areas may have: the
 * seeding, the newest area, the newest grid version (a plan applied) and the newest area import.
 * Each is a primary-key maximum or one meta row, so asking costs no scan.
 */
export function areaTilesVersion(db: Db): string {
  const seededAt = db.prepare("SELECT value FROM meta WHERE key = 'seeded_at'").pluck().get() ?? '';
  const newestArea = db.prepare('SELECT max(id) FROM areas').pluck().get() ?? 0;
  const newestGridVersion = db.prepare('SELECT max(id) FROM grid_versions').pluck().get() ?? 0;
  const newestAreaImport = db.prepare("SELECT max(id) FROM import_batches WHERE layer = 'areas'").pluck().get() ?? 0;
  return `${seededAt}|${newestArea}|${newestGridVersion}|${newestAreaImport}`;
}
