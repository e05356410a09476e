import type { Db } from './open-db.ts';
import { areasStamp } from './memo-until-write.ts';

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
 * Every area of `level` with its bbox, by west edge: rows [id, minLon, minLat, maxLon, maxLat].
 * The bbox comes from the R*Tree, not the areas row, whose outline before it would be read
 * (overflow pages) to reach the columns after it.
 */
export function levelAreaBoxes(db: Db, level: string): [number, number, number, number, number][] {
  return db
    .prepare(`SELECT r.id, r.min_lon, r.min_lat, r.max_lon, r.max_lat FROM areas a CROSS JOIN areas_rtree r ON r.id = a.id
      WHERE a.level = ? ORDER BY r.min_lon, r.id`)
    .raw()
    .all(level) as [number, number, number, number, number][];
}

/** How many areas of `level` there are (the areas_level index). */
export function countAreasOfLevel(db: Db, level: string): number {
  return db.prepare('SELECT count(*) FROM areas WHERE level = ?').pluck().get(level) as number;
}

/** The tile rows of the areas of these ids (those that exist), in one query. */
export function getAreaTileRows(db: Db, ids: readonly number[]): AreaTileRow[] {
  if (ids.length === 0) return [];
  return db.prepare(`SELECT a.id, a.name, a.parent_id AS parentId, p.name AS parentName, a.level, a.label_lon AS labelLon,
      a.label_lat AS labelLat, a.geometry FROM json_each(?) j CROSS JOIN areas a ON a.id = j.value LEFT JOIN areas p ON p.id = a.parent_id`)
    .all(JSON.stringify(ids)) as AreaTileRow[];
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
 * seeding, and the count of writes to areas (area_changes, kept by triggers, so a write from any
 * path or process moves it). One meta row and one counter row: asking costs no scan.
 */
export function areaTilesVersion(db: Db): string {
  const seededAt = db.prepare("SELECT value FROM meta WHERE key = 'seeded_at'").pluck().get() ?? '';
  return `${seededAt}|${areasStamp(db)}`;
}
