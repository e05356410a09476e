import type { AreaRecord, CountyData } from '@gridmap/shared';
import { isKeyGroupTag } from '@gridmap/shared';
import type { Db } from './open-db.ts';
import { fillPointRtree, PointLog } from './point-rtree-sql.ts';

/** The figures of an area's subtree that are stored on the area row. */
export interface AreaFigures {
  households: number;
  residents: number;
  staff: number;
  gridWorkers: number;
  keyGroupHouseholds: number;
}

/**
 * Writes a whole county into an empty database in ONE transaction (a failure leaves the
 * database as it was): areas with their subtree figures, the closure table, households,
 * staff, mediation points, incidents and their timelines, the R*Trees, the demo meta and the planted hot spots.
 * Timestamps are normalised to `toISOString()` so that they compare as text.
 */
export function seedCounty(db: Db, data: CountyData): void {
  const figures = areaFigures(data);
  const points = newPointLogs();
  db.transaction(() => {
    if (hasAreas(db)) throw new Error('seedCounty: the database already holds areas; seed an empty one');
    insertAreas(db, data.areas, figures);
    insertHouseholds(db, data, points.households);
    insertStaff(db, data);
    insertMediationPoints(db, data);
    insertIncidents(db, data, points.incidents);
    insertIncidentEvents(db, data);
    fillPointRtrees(db, points);
    insertMeta(db, data);
  })();
  // Statistics let the planner choose between the incident indexes (by grid or by status);
  // sampling keeps ANALYZE to well under a second on the full county.
  db.pragma(`analysis_limit = ${ANALYSIS_ROWS}`);
  db.exec('ANALYZE');
}

/** Rows ANALYZE samples per index. */
export const ANALYSIS_ROWS = 1_000;

/**
 * Inserts areas (parents first) with their figures, R*Tree entries and closure rows. `parentOf`
 * holds the areas already in the database above these (a province's cities), and learns these.
 */
export function insertAreas(db: Db, areas: AreaRecord[], figures: Map<number, AreaFigures>, parentOf = new Map<number, number | null>()): void {
  const area = db.prepare(`INSERT INTO areas (id, code, name, level, parent_id, geometry,
      label_lon, label_lat, min_lon, min_lat, max_lon, max_lat,
      households, residents, staff, grid_workers, key_group_households)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const rtree = db.prepare('INSERT INTO areas_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const closure = db.prepare('INSERT INTO area_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, ?)');
  for (const a of areas) {
    const [minLon, minLat, maxLon, maxLat] = geometryBbox(a.geometry.coordinates);
    const f = figures.get(a.id)!;
    area.run(a.id, a.code, a.name, a.level, a.parentId, JSON.stringify(a.geometry),
      a.labelPoint[0], a.labelPoint[1], minLon, minLat, maxLon, maxLat,
      f.households, f.residents, f.staff, f.gridWorkers, f.keyGroupHouseholds);
    rtree.run(a.id, minLon, maxLon, minLat, maxLat);
    parentOf.set(a.id, a.parentId);
    for (let ancestor: number | null = a.id, depth = 0; ancestor !== null; depth++) {
      closure.run(ancestor, a.id, depth);
      ancestor = parentOf.get(ancestor) ?? null;
    }
  }
}

/** The points of a load's households and incidents as they are inserted, for `fillPointRtrees`. */
export interface PointLogs {
  households: PointLog;
  incidents: PointLog;
}

export function newPointLogs(): PointLogs {
  return { households: new PointLog(), incidents: new PointLog() };
}

/**
 * Household rows without their R*Tree entries: `fillPointRtrees` adds those once every row is
 * in, from `points`, which learns each row's id and position.
 */
export function insertHouseholds(db: Db, data: CountyData, points: PointLog): void {
  const row = db.prepare(`INSERT INTO households (id, grid_id, lon, lat, address, size, tags, head_name, phone)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const h of data.households) {
    row.run(h.id, h.gridId, h.lon, h.lat, h.address, h.size, JSON.stringify(h.tags), h.headName, h.phone);
    points.push(h.id, h.lon, h.lat);
  }
}

/**
 * The R*Tree entries of every household and incident of a fresh load, built once after the rows
 * (fillPointRtree: a packed tree, instead of one R*Tree insert per row as the rows go in), from
 * the points the inserts logged.
 */
export function fillPointRtrees(db: Db, points: PointLogs): void {
  fillPointRtree(db, 'households', points.households);
  fillPointRtree(db, 'incidents', points.incidents);
}

export function insertStaff(db: Db, data: CountyData): void {
  const row = db.prepare('INSERT INTO staff (id, grid_id, role, name, phone) VALUES (?, ?, ?, ?, ?)');
  for (const s of data.staff) row.run(s.id, s.gridId, s.role, s.name, s.phone);
}

export function insertMediationPoints(db: Db, data: CountyData): void {
  const row = db.prepare(`INSERT INTO mediation_points (id, kind, level, area_id, name, lon, lat, address,
      hours, dispute_kinds, mediators, phone)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const m of data.mediationPoints) {
    row.run(m.id, m.kind, m.level, m.areaId, m.name, m.lon, m.lat, m.address,
      JSON.stringify(m.hours), JSON.stringify(m.disputeKinds), m.mediators, m.phone);
  }
}

/**
 * Rows per INSERT statement for tables with CHECK … IN (…) constraints (incidents have seven,
 * their events six). SQLite sets up each `IN` list once per execution of a statement, which
 * costs more than the row itself when every row is its own execution; a statement of many rows
 * pays it once for all of them (scripts/bench/province/ingest.ts).
 */
const ROWS_PER_STATEMENT = 64;

/**
 * Inserts `rows` into `table`'s `columns`, ROWS_PER_STATEMENT to a statement (the rest one by
 * one), `values` giving each row's values in the columns' order.
 */
function insertRows<T>(db: Db, table: string, columns: string[], rows: readonly T[], values: (row: T, into: unknown[]) => void): void {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const many = db.prepare(head + Array(ROWS_PER_STATEMENT).fill(tuple).join(', '));
  const one = db.prepare(head + tuple);
  const whole = rows.length - (rows.length % ROWS_PER_STATEMENT);
  const params: unknown[] = [];
  for (let start = 0; start < whole; start += ROWS_PER_STATEMENT) {
    params.length = 0;
    for (let k = start; k < start + ROWS_PER_STATEMENT; k++) values(rows[k], params);
    many.run(params);
  }
  for (let k = whole; k < rows.length; k++) {
    params.length = 0;
    values(rows[k], params);
    one.run(params);
  }
}

const INCIDENT_COLUMNS = ['id', 'kind', 'status', 'severity', 'source', 'level', 'origin_level', 'description', 'lon', 'lat',
  'grid_id', 'household_id', 'mediation_point_id', 'assignee', 'referred_to', 'reported_at', 'deadline_at', 'resolved_at', 'closed_at'];

/** Incident rows without their R*Tree entries, logged in `points` for `fillPointRtrees`, as insertHouseholds. */
export function insertIncidents(db: Db, data: CountyData, points: PointLog): void {
  for (const i of data.incidents) points.push(i.id, i.lon, i.lat);
  insertRows(db, 'incidents', INCIDENT_COLUMNS, data.incidents, (i, into) => {
    into.push(i.id, i.kind, i.status, i.severity, i.source, i.level, i.originLevel, i.description,
      i.lon, i.lat, i.gridId, i.householdId, i.mediationPointId, i.assignee, i.referredTo,
      isoTime(i.reportedAt), isoTime(i.deadlineAt), isoTimeOrNull(i.resolvedAt), isoTimeOrNull(i.closedAt));
  });
}

const INCIDENT_EVENT_COLUMNS = ['id', 'incident_id', 'kind', 'actor', 'at', 'note', 'from_status', 'to_status', 'from_level', 'to_level',
  'mediation_point_id', 'assignee', 'referred_to', 'reason', 'recorded_at'];

/** The timelines; each event counts as recorded when it happened. */
export function insertIncidentEvents(db: Db, data: CountyData): void {
  insertRows(db, 'incident_events', INCIDENT_EVENT_COLUMNS, data.incidentEvents, (e, into) => {
    const at = isoTime(e.at);
    into.push(e.id, e.incidentId, e.kind, e.actor, at, e.note, e.fromStatus, e.toStatus, e.fromLevel, e.toLevel,
      e.mediationPointId, e.assignee, e.referredTo, e.reason, at);
  });
}

export function insertMeta(db: Db, data: CountyData): void {
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const m = data.meta;
  meta.run('demo', 'true');
  meta.run('seed', String(m.seed));
  meta.run('size', String(m.size));
  meta.run('now', isoTime(m.now));
  meta.run('county_name', m.countyName);
  meta.run('county_code', m.countyCode);
  meta.run('source', m.source);
  meta.run('seeded_at', new Date().toISOString());
  insertHotspots(db, data);
}

export function insertHotspots(db: Db, data: CountyData): void {
  const hotspot = db.prepare(`INSERT INTO demo_hotspots (id, name, lon, lat, radius_m, kind, count, from_date)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const h of data.hotspots) {
    hotspot.run(h.id, h.name, h.lon, h.lat, h.radiusM, h.kind, h.count, h.from);
  }
}

/** Subtree figures of every area: grid counts rolled up the parent chain. */
export function areaFigures(data: CountyData): Map<number, AreaFigures> {
  const figures = new Map<number, AreaFigures>();
  for (const a of data.areas) {
    figures.set(a.id, { households: 0, residents: 0, staff: 0, gridWorkers: 0, keyGroupHouseholds: 0 });
  }
  const at = (gridId: number, what: string) => {
    const f = figures.get(gridId);
    if (!f) throw new Error(`seedCounty: ${what} refers to unknown grid ${gridId}`);
    return f;
  };
  for (const h of data.households) {
    const f = at(h.gridId, `household ${h.id}`);
    f.households += 1;
    f.residents += h.size;
    if (h.tags.some(isKeyGroupTag)) f.keyGroupHouseholds += 1;
  }
  for (const s of data.staff) {
    const f = at(s.gridId, `staff ${s.id}`);
    f.staff += 1;
    if (s.role === 'grid_worker') f.gridWorkers += 1;
  }
  // Parents come before children, so walking backwards adds each child into its parent
  // after the child has received all of its own descendants.
  for (let i = data.areas.length - 1; i >= 0; i--) {
    const a = data.areas[i];
    if (a.parentId === null) continue;
    const f = figures.get(a.id)!;
    const p = figures.get(a.parentId);
    if (!p) throw new Error(`seedCounty: area ${a.id} has unknown parent ${a.parentId}`);
    p.households += f.households;
    p.residents += f.residents;
    p.staff += f.staff;
    p.gridWorkers += f.gridWorkers;
    p.keyGroupHouseholds += f.keyGroupHouseholds;
  }
  return figures;
}

type Nested = number[] | Nested[];

/** [minLon, minLat, maxLon, maxLat] of any nesting of positions. */
function geometryBbox(coordinates: Nested): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: Nested) => {
    if (typeof c[0] === 'number') {
      const [lon, lat] = c as number[];
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
    } else {
      for (const child of c as Nested[]) visit(child);
    }
  };
  visit(coordinates);
  return box;
}

function isoTime(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`seedCounty: invalid date-time '${value}'`);
  return new Date(ms).toISOString();
}

function isoTimeOrNull(value: string | null): string | null {
  return value === null ? null : isoTime(value);
}

/** True when the database holds a county (main.ts seeds the demo otherwise). */
export function hasAreas(db: Db): boolean {
  return db.prepare('SELECT 1 FROM areas LIMIT 1').get() !== undefined;
}
