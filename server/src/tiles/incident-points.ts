import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  OPEN_STATUSES,
  countyDayNumber,
  type IncidentKind,
  type IncidentStatus,
} from '@gridmap/shared';
import { chunksById, type Steps } from '../db/read-in-turns.ts';
import { incidentIdSpan, incidentPointsAfter, type IncidentPointRow } from '../db/tile-points-sql.ts';
import type { Db } from '../db/open-db.ts';
import { BinPyramid } from './bin-pyramid.ts';
import { appendPoint, indexRowChunks, type PointIndex } from './point-index.ts';

/** Incidents as parallel typed arrays beside their point index; kind and status as catalogue indices. */
export interface IncidentPoints {
  index: PointIndex;
  id: Uint32Array;
  kind: Uint8Array;
  status: Uint8Array;
  severity: Uint8Array;
  /** 1 when the status is open (OPEN_STATUSES). */
  open: Uint8Array;
  /** Deadline in ms since the epoch; overdue is decided at tile time against the clock. */
  deadlineMs: Float64Array;
  /** County day reported (UTC+8, see `countyDayNumber`), in days since 1970-01-01. */
  reportedDay: Int32Array;
  /** Per-cell counts and open counts for bins below the point zoom. */
  pyramid: BinPyramid;
  /** The grid each incident lies in, so a scoped account's tiles hold only its own. */
  gridId: Uint32Array;
}

/** Room for incidents reported after the index was built, before it is built again. */
export const INCIDENT_APPEND_HEADROOM = 4_096;

/**
 * Reads every incident once and indexes it (again after an import), a chunk of rows per step,
 * so that `runInTurns` can index a province's two million between requests.
 */
export function* incidentPointSteps(db: Db): Steps<IncidentPoints> {
  const n = incidentIdSpan(db);
  const cap = n + INCIDENT_APPEND_HEADROOM;
  const p: Omit<IncidentPoints, 'index' | 'pyramid'> = {
    id: new Uint32Array(cap),
    kind: new Uint8Array(cap),
    status: new Uint8Array(cap),
    severity: new Uint8Array(cap),
    open: new Uint8Array(cap),
    deadlineMs: new Float64Array(cap),
    reportedDay: new Int32Array(cap),
    gridId: new Uint32Array(cap),
  };
  const kindIndex = indexOf(INCIDENT_KINDS);
  const statusIndex = indexOf(INCIDENT_STATUSES);
  const open = new Set<string>(OPEN_STATUSES);
  const rows = chunksById((after, limit) => incidentPointsAfter(db, after, limit));
  const index = yield* indexRowChunks<IncidentPointRow>(n, rows, ([id, , , kind, status, severity, reportedAt, deadlineAt, grid], i) => {
    p.id[i] = id;
    p.gridId[i] = grid;
    p.kind[i] = kindIndex.get(kind)!;
    p.status[i] = statusIndex.get(status)!;
    p.severity[i] = severity;
    p.open[i] = open.has(status) ? 1 : 0;
    p.deadlineMs[i] = Date.parse(deadlineAt);
    p.reportedDay[i] = countyDayNumber(Date.parse(reportedAt));
  }, INCIDENT_APPEND_HEADROOM);
  const pyramid = yield* BinPyramid.inSteps(index, [(i) => p.open[i] === 1]);
  return { index, ...p, pyramid };
}

/** An incident's tile fields as written (see `IncidentRow`). */
export interface IncidentTileFields {
  id: number;
  lon: number;
  lat: number;
  kind: IncidentKind;
  status: IncidentStatus;
  severity: number;
  reportedAt: string;
  deadlineAt: string;
  gridId: number;
}

/**
 * Puts one written incident into the arrays in place: a known id gets its fields (and the
 * pyramid its open count), a new one is appended. The world position, or null when there was no
 * room to append (the caller rebuilds).
 */
export function upsertIncidentPoint(p: IncidentPoints, f: IncidentTileFields): { x: number; y: number } | null {
  let i = findIncident(p, f.id);
  const wasOpen = i >= 0 ? p.open[i] : -1;
  if (i < 0) {
    i = appendPoint(p.index, f.lon, f.lat);
    if (i < 0) return null;
  }
  p.id[i] = f.id;
  p.gridId[i] = f.gridId;
  p.kind[i] = INCIDENT_KINDS.indexOf(f.kind);
  p.status[i] = INCIDENT_STATUSES.indexOf(f.status);
  p.severity[i] = f.severity;
  p.open[i] = (OPEN_STATUSES as readonly string[]).includes(f.status) ? 1 : 0;
  p.deadlineMs[i] = Date.parse(f.deadlineAt);
  p.reportedDay[i] = countyDayNumber(Date.parse(f.reportedAt));
  const x = p.index.x[i];
  const y = p.index.y[i];
  if (wasOpen < 0) p.pyramid.update(x, y, 1, [p.open[i]]);
  else if (wasOpen !== p.open[i]) {
    p.pyramid.update(x, y, -1, [wasOpen]);
    p.pyramid.update(x, y, 1, [p.open[i]]);
  }
  return { x, y };
}

/** Sets the grid of the incidents in `grids` (id → grid) that the arrays hold (a plan moved them). */
export function regridIncidentPoints(p: IncidentPoints, grids: ReadonlyMap<number, number>): void {
  for (const [id, grid] of grids) {
    const i = findIncident(p, id);
    if (i >= 0) p.gridId[i] = grid;
  }
}

/** The index of incident `id`: binary search over the ids read in order, then the appended ones. */
function findIncident(p: IncidentPoints, id: number): number {
  let lo = 0;
  let hi = p.index.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.id[mid] === id) return mid;
    if (p.id[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = p.index.count; i < p.index.count + p.index.added; i++) if (p.id[i] === id) return i;
  return -1;
}

export function incidentKindAt(points: IncidentPoints, i: number): IncidentKind {
  return INCIDENT_KINDS[points.kind[i]];
}

export function incidentStatusAt(points: IncidentPoints, i: number): IncidentStatus {
  return INCIDENT_STATUSES[points.status[i]];
}

function indexOf<T extends string>(values: readonly T[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}
