import {
  OPEN_STATUSES,
  type AreaTreeLevel,
  type AreaProperties,
  type IncidentStatus,
  type StaffRole,
} from '@gridmap/shared';
import type { Bbox } from './bbox-sql.ts';
import { inSubtree } from './in-subtree.ts';
import { memoUntilAreasChange, memoUntilWrite } from './memo-until-write.ts';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

export interface AreaFilter {
  level?: AreaTreeLevel;
  parentId?: number;
  bbox?: Bbox;
  /** Only areas inside this one (itself included): an account's scope. */
  within?: number;
}

/** An area's properties and its GeoJSON geometry as the stored text (served without re-parsing). */
export interface AreaRow {
  properties: AreaProperties;
  geometryJson: string;
}

interface RawArea {
  id: number;
  code: string;
  name: string;
  level: AreaTreeLevel;
  parent_id: number | null;
  geometry: string;
  label_lon: number;
  label_lat: number;
  households: number;
  residents: number;
  staff: number;
  grid_workers: number;
  key_group_households: number;
}

const AREA_COLUMNS = `a.id, a.code, a.name, a.level, a.parent_id, a.geometry, a.label_lon, a.label_lat,
  a.households, a.residents, a.staff, a.grid_workers, a.key_group_households`;

/** Areas matching every given filter, ordered by id. */
export function listAreas(db: Db, filter: AreaFilter): AreaRow[] {
  // The rows (megabytes of outlines for the grids) are read once per filter until an area
  // changes; only the open counts, which move with every incident write, are looked up each time.
  const read = areaRowsRead(db);
  const key = filterKey(filter);
  let rows = read.get(key);
  if (!rows) {
    const { where, params } = areaConditions(filter);
    const sql = `SELECT ${AREA_COLUMNS} FROM areas a
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id`;
    rows = db.prepare(sql).all(...params) as RawArea[];
    if (read.size >= AREA_ROWS_KEPT) read.clear();
    read.set(key, rows);
  }
  const open = openIncidentsByArea(db);
  return rows.map((r) => ({ properties: areaProperties(r, open.get(r.id) ?? 0), geometryJson: r.geometry }));
}

/** Filters whose rows listAreas keeps (each a level, a parent's children, a box). */
const AREA_ROWS_KEPT = 32;
const areaRowsRead = memoUntilAreasChange((): Map<string, RawArea[]> => new Map());

const filterKey = (filter: AreaFilter) => JSON.stringify([filter.level, filter.parentId, filter.bbox, filter.within]);

/** True when listAreas holds the rows of `filter` already (then they need not be counted first). */
export function areaRowsKept(db: Db, filter: AreaFilter): boolean {
  return areaRowsRead(db).has(filterKey(filter));
}

/** How many areas listAreas would return (indexes only: no geometry is read). */
export function countAreas(db: Db, filter: AreaFilter): number {
  const { where, params } = areaConditions(filter);
  return db.prepare(`SELECT count(*) FROM areas a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number;
}

function areaConditions(filter: AreaFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.level !== undefined) {
    where.push('a.level = ?');
    params.push(filter.level);
  }
  if (filter.parentId !== undefined) {
    where.push('a.parent_id = ?');
    params.push(filter.parentId);
  }
  if (filter.within !== undefined) {
    where.push(inSubtree('a.id'));
    params.push(filter.within);
  }
  if (filter.bbox !== undefined) {
    // The R*Tree finds candidate boxes that intersect; its 32-bit boxes are rounded outwards,
    // so the exact comparison on the row's own box follows.
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where.push(`a.id IN (SELECT id FROM areas_rtree
        WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)
      AND a.max_lon >= ? AND a.min_lon <= ? AND a.max_lat >= ? AND a.min_lat <= ?`);
    params.push(minLon, maxLon, minLat, maxLat, minLon, maxLon, minLat, maxLat);
  }
  return { where, params };
}

/**
 * Open incidents (OPEN_STATUSES) inside every area that has any: counted per grid in SQL,
 * then added up each grid's chain of parents here (the tree is kept until an area changes).
 * Remembered until the database changes (see `memoUntilWrite`), since every area list asks for
 * it; summing through the closure table in SQL took 2–6 ms after every incident write.
 */
export const openIncidentsByArea = memoUntilWrite((db: Db): Map<number, number> => {
  const perGrid = db
    .prepare(`SELECT grid_id, count(*) FROM incidents WHERE status IN ${placeholders(OPEN_STATUSES.length)} GROUP BY grid_id`)
    .raw()
    .all(...OPEN_STATUSES) as [number, number][];
  const parents = areaParentsById(db);
  const open = new Map<number, number>();
  for (const [gridId, n] of perGrid) {
    for (let at: number | null | undefined = gridId; at != null; at = parents.get(at)) open.set(at, (open.get(at) ?? 0) + n);
  }
  return open;
});

/** Each area's parent (null at the top), by id; kept until an area changes. */
const areaParentsById = memoUntilAreasChange((db: Db): Map<number, number | null> =>
  new Map(db.prepare('SELECT id, parent_id FROM areas').raw().all() as [number, number | null][]));

export interface AreaDetailRow extends AreaRow {
  path: { id: number; name: string; level: AreaTreeLevel }[];
  children: number;
  incidents: number;
  incidentsByStatus: Partial<Record<IncidentStatus, number>>;
  overdueIncidents: number;
  keyGroupHouseholds: number;
  staffByRole: Partial<Record<StaffRole, number>>;
  mediationPoints: number;
  householdsPerGridWorker: number | null;
}

/** One area with the figures of its subtree, or null when there is no such area. */
export function getAreaDetail(db: Db, id: number, now: Date): AreaDetailRow | null {
  const row = db.prepare(`SELECT ${AREA_COLUMNS} FROM areas a WHERE a.id = ?`).get(id) as RawArea | undefined;
  if (!row) return null;
  const path = db
    .prepare(`SELECT a.id, a.name, a.level FROM area_closure c JOIN areas a ON a.id = c.ancestor_id
      WHERE c.descendant_id = ? AND c.depth > 0 ORDER BY c.depth DESC`)
    .all(id) as AreaDetailRow['path'];
  const children = db.prepare('SELECT count(*) FROM areas WHERE parent_id = ?').pluck().get(id) as number;
  const byStatus = countPerValueInSubtree<IncidentStatus>(db, 'incidents', 'grid_id', 'status', id);
  const overdue = db
    .prepare(`SELECT count(*) FROM incidents i
      WHERE ${inSubtree('i.grid_id')}
        AND i.status IN ${placeholders(OPEN_STATUSES.length)} AND i.deadline_at < ?`)
    .pluck()
    .get(id, ...OPEN_STATUSES, now.toISOString()) as number;
  const byRole = countPerValueInSubtree<StaffRole>(db, 'staff', 'grid_id', 'role', id);
  const mediationPoints = db
    .prepare(`SELECT count(*) FROM mediation_points m
      WHERE ${inSubtree('m.area_id')}`)
    .pluck()
    .get(id) as number;

  const incidentsByStatus = Object.fromEntries(byStatus) as Partial<Record<IncidentStatus, number>>;
  const open = OPEN_STATUSES.reduce((sum, s) => sum + (incidentsByStatus[s] ?? 0), 0);
  return {
    properties: areaProperties(row, open),
    geometryJson: row.geometry,
    path,
    children,
    incidents: byStatus.reduce((sum, [, n]) => sum + n, 0),
    incidentsByStatus,
    overdueIncidents: overdue,
    keyGroupHouseholds: row.key_group_households,
    staffByRole: Object.fromEntries(byRole),
    mediationPoints,
    householdsPerGridWorker: row.grid_workers > 0 ? row.households / row.grid_workers : null,
  };
}

/** Rows of `table` whose `areaColumn` lies inside area `areaId`, counted per value of `column`. */
function countPerValueInSubtree<V extends string>(
  db: Db,
  table: 'incidents' | 'staff',
  areaColumn: string,
  column: string,
  areaId: number,
): [V, number][] {
  return db
    .prepare(`SELECT t.${column}, count(*) FROM ${table} t WHERE ${inSubtree(`t.${areaColumn}`)} GROUP BY t.${column}`)
    .raw()
    .all(areaId) as [V, number][];
}

function areaProperties(r: RawArea, openIncidents: number): AreaProperties {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    households: r.households,
    residents: r.residents,
    openIncidents,
    staff: r.staff,
    labelLon: r.label_lon,
    labelLat: r.label_lat,
  };
}

/** The level of area `id`, or null when there is no such area. */
export function getAreaLevel(db: Db, id: number): AreaTreeLevel | null {
  const level = db.prepare('SELECT level FROM areas WHERE id = ?').pluck().get(id) as AreaTreeLevel | undefined;
  return level ?? null;
}

/** Whether area `id` has no parent (the top of the tree: the county, or the province). */
export function isRootArea(db: Db, id: number): boolean {
  return db.prepare('SELECT parent_id IS NULL FROM areas WHERE id = ?').pluck().get(id) === 1;
}
