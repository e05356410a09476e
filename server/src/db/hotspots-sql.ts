import {
  AREA_LEVELS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  OPEN_STATUSES,
} from '@gridmap/shared';
import { memoUntilWrite } from './memo-until-write.ts';
import type { Db } from './open-db.ts';

/**
 * Every incident as parallel columns for the analyses (hot spots, heat map, warnings): one read
 * per write of the database. Kind, status and level are indices into their catalogues.
 */
export interface AnalysisIncidents {
  count: number;
  id: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  reportedMs: Float64Array;
  deadlineMs: Float64Array;
  kind: Uint8Array;
  status: Uint8Array;
  level: Uint8Array;
  severity: Uint8Array;
  /** 1 when the status is open (OPEN_STATUSES). */
  open: Uint8Array;
  gridId: Uint32Array;
  /** 0 when the incident names no household. */
  householdId: Uint32Array;
}

export const loadAnalysisIncidents = memoUntilWrite((db: Db): AnalysisIncidents => {
  const n = db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
  const c: AnalysisIncidents = {
    count: n,
    id: new Uint32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    reportedMs: new Float64Array(n),
    deadlineMs: new Float64Array(n),
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    level: new Uint8Array(n),
    severity: new Uint8Array(n),
    open: new Uint8Array(n),
    gridId: new Uint32Array(n),
    householdId: new Uint32Array(n),
  };
  const kindIndex = new Map<string, number>(INCIDENT_KINDS.map((k, i) => [k, i]));
  const statusIndex = new Map<string, number>(INCIDENT_STATUSES.map((k, i) => [k, i]));
  const levelIndex = new Map<string, number>(AREA_LEVELS.map((k, i) => [k, i]));
  const open = new Set<string>(OPEN_STATUSES);
  let i = 0;
  const rows = db
    .prepare(
      `SELECT id, lon, lat, reported_at, deadline_at, kind, status, level, severity, grid_id, household_id
       FROM incidents ORDER BY id`,
    )
    .raw()
    .iterate() as Iterable<[number, number, number, string, string, string, string, string, number, number, number | null]>;
  for (const [id, lon, lat, reportedAt, deadlineAt, kind, status, level, severity, gridId, householdId] of rows) {
    if (i >= n) break; // a write between the count and the read; the next read has it
    c.id[i] = id;
    c.lon[i] = lon;
    c.lat[i] = lat;
    c.reportedMs[i] = Date.parse(reportedAt);
    c.deadlineMs[i] = Date.parse(deadlineAt);
    c.kind[i] = kindIndex.get(kind)!;
    c.status[i] = statusIndex.get(status)!;
    c.level[i] = levelIndex.get(level)!;
    c.severity[i] = severity;
    c.open[i] = open.has(status) ? 1 : 0;
    c.gridId[i] = gridId;
    c.householdId[i] = householdId ?? 0;
    i++;
  }
  return c;
});

/** The grids as analysis cells: ordered by id, with the stored geometry text and a readable place. */
export interface GridCells {
  ids: number[];
  names: string[];
  /** 'town › community › grid'. */
  places: string[];
  geometryJson: string[];
  labelLon: number[];
  labelLat: number[];
  /** Changes when any grid's id or boundary does (FNV-1a over both): neighbours are kept per layout. */
  layoutKey: string;
}

export const loadGridCells = memoUntilWrite((db: Db): GridCells => {
  const rows = db
    .prepare(
      `SELECT g.id, g.name, g.geometry, g.label_lon, g.label_lat, t.name || ' › ' || c.name || ' › ' || g.name AS place
       FROM areas g JOIN areas c ON c.id = g.parent_id JOIN areas t ON t.id = c.parent_id
       WHERE g.level = 'grid' ORDER BY g.id`,
    )
    .all() as { id: number; name: string; geometry: string; label_lon: number; label_lat: number; place: string }[];
  return {
    ids: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
    places: rows.map((r) => r.place),
    geometryJson: rows.map((r) => r.geometry),
    labelLon: rows.map((r) => r.label_lon),
    labelLat: rows.map((r) => r.label_lat),
    layoutKey: layoutKey(rows),
  };
});

function layoutKey(rows: { id: number; geometry: string }[]): string {
  let h = 0x811c9dc5;
  for (const r of rows) {
    const text = `${r.id}:${r.geometry}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return `${rows.length}:${(h >>> 0).toString(36)}`;
}

/**
 * The outline of area `areaId`, or of the county (the one area without a parent) when null, as
 * its stored GeoJSON text; null in an empty database.
 */
export function countyOutlineText(db: Db, areaId: number | null = null): string | null {
  const text = (
    areaId === null
      ? db.prepare(`SELECT geometry FROM areas WHERE parent_id IS NULL ORDER BY id LIMIT 1`).pluck().get()
      : db.prepare(`SELECT geometry FROM areas WHERE id = ?`).pluck().get(areaId)
  ) as string | undefined;
  return text ?? null;
}

/** Address and position of each household asked for. */
export function householdPlaces(db: Db, ids: readonly number[]): Map<number, { address: string; lon: number; lat: number }> {
  const out = new Map<number, { address: string; lon: number; lat: number }>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(`SELECT id, address, lon, lat FROM households WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; address: string; lon: number; lat: number }[];
  for (const r of rows) out.set(r.id, { address: r.address, lon: r.lon, lat: r.lat });
  return out;
}
