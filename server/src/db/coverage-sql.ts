import type { AreaLevel } from '@gridmap/shared';
import type { HouseholdRow } from './households-sql.ts';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

/** Every household's id, grid and position as parallel arrays, ordered by id. */
export interface HouseholdPositions {
  id: Float64Array;
  gridId: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** Reads every household's position once (400,000 rows: a few hundred ms, so it is cached). */
export function readHouseholdPositions(db: Db): HouseholdPositions {
  const n = db.prepare('SELECT count(*) FROM households').pluck().get() as number;
  const out = { id: new Float64Array(n), gridId: new Float64Array(n), lon: new Float64Array(n), lat: new Float64Array(n) };
  let i = 0;
  const rows = db.prepare('SELECT id, grid_id, lon, lat FROM households ORDER BY id').raw().iterate() as Iterable<[number, number, number, number]>;
  for (const [id, gridId, lon, lat] of rows) {
    if (i === n) break;
    out.id[i] = id;
    out.gridId[i] = gridId;
    out.lon[i] = lon;
    out.lat[i] = lat;
    i++;
  }
  return { id: out.id.subarray(0, i), gridId: out.gridId.subarray(0, i), lon: out.lon.subarray(0, i), lat: out.lat.subarray(0, i) };
}

/**
 * A cheap stamp of the household table (count and largest id, both from the primary key): it
 * changes when households are added or removed, so cached positions are read again.
 */
export function householdsStamp(db: Db): string {
  const [count, maxId] = db.prepare('SELECT count(*), max(id) FROM households').raw().get() as [number, number | null];
  return `${count}:${maxId}`;
}

/** An area as coverage needs it: its place in the tree, name and label point. */
export interface AreaNode {
  id: number;
  parentId: number | null;
  level: AreaLevel;
  name: string;
  labelLon: number;
  labelLat: number;
}

/** Every area, parents first (by id). */
export function readAreaTree(db: Db): AreaNode[] {
  return db
    .prepare('SELECT id, parent_id AS parentId, level, name, label_lon AS labelLon, label_lat AS labelLat FROM areas ORDER BY id')
    .all() as AreaNode[];
}

/** Households by id, ordered by id (ids not found are left out). */
export function getHouseholdsByIds(db: Db, ids: readonly number[]): HouseholdRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT id, grid_id AS gridId, lon, lat, address, size, tags, head_name AS headName, phone
      FROM households WHERE id IN ${placeholders(ids.length)} ORDER BY id`)
    .all(...ids) as (Omit<HouseholdRow, 'tags'> & { tags: string })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as HouseholdRow['tags'] }));
}
