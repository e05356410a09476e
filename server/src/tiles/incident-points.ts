import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  OPEN_STATUSES,
  countyDayNumber,
  type IncidentKind,
  type IncidentStatus,
} from '@gridmap/shared';
import { countIncidents, iterateIncidentPoints } from '../db/tile-points-sql.ts';
import type { Db } from '../db/open-db.ts';
import { indexRows, type PointIndex } from './point-index.ts';

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
  /** The grid each incident lies in, so a scoped account's tiles hold only its own. */
  gridId: Uint32Array;
}

/** Reads every incident once and indexes it; called again to rebuild after writes. */
export function loadIncidentPoints(db: Db): IncidentPoints {
  const n = countIncidents(db);
  const p: Omit<IncidentPoints, 'index'> = {
    id: new Uint32Array(n),
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    severity: new Uint8Array(n),
    open: new Uint8Array(n),
    deadlineMs: new Float64Array(n),
    reportedDay: new Int32Array(n),
    gridId: new Uint32Array(n),
  };
  const kindIndex = indexOf(INCIDENT_KINDS);
  const statusIndex = indexOf(INCIDENT_STATUSES);
  const open = new Set<string>(OPEN_STATUSES);
  const index = indexRows(n, iterateIncidentPoints(db), ([id, , , kind, status, severity, reportedAt, deadlineAt, grid], i) => {
    p.id[i] = id;
    p.gridId[i] = grid;
    p.kind[i] = kindIndex.get(kind)!;
    p.status[i] = statusIndex.get(status)!;
    p.severity[i] = severity;
    p.open[i] = open.has(status) ? 1 : 0;
    p.deadlineMs[i] = Date.parse(deadlineAt);
    p.reportedDay[i] = countyDayNumber(Date.parse(reportedAt));
  });
  return { index, ...p };
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
