import { classifyIncident, type AreaLevel, type IncidentClass, type IncidentKind, type IncidentSource, type IncidentStatus } from '@gridmap/shared';
import type { Db } from '../db/open-db.ts';
import { allStatsIncidents, lastIncidentEventId, statsIncidentsChangedSince, type StatsIncidentRow } from '../db/stats-sql.ts';

/** The county's clock is UTC+8: its calendar months start 8 hours before UTC's. */
const COUNTY_OFFSET_MS = 8 * 3_600_000;

/**
 * Every incident's figure columns in memory, oldest report first, each classified once by the
 * shared definition (`classifyIncident`). A request for figures is then one pass over the
 * incidents reported in its period, found by binary search, instead of several SQL scans.
 */
export interface IncidentStatsStore {
  count: number;
  id: number[];
  /** Report time, ms since the epoch, ascending. */
  reportedMs: number[];
  deadlineMs: number[];
  gridId: number[];
  severity: number[];
  classes: IncidentClass[];
  kind: IncidentKind[];
  source: IncidentSource[];
  level: AreaLevel[];
  status: IncidentStatus[];
  /** 'YYYY-MM' of the report in the county's calendar. */
  month: string[];
}

interface StoreState {
  store: IncidentStatsStore;
  /** Position of each incident id in the store. */
  indexOf: Map<number, number>;
  /** The newest timeline event the store reflects. */
  lastEventId: number;
}

const states = new WeakMap<Db, StoreState>();

function put(store: IncidentStatsStore, i: number, row: StatsIncidentRow): void {
  const reported = Date.parse(row.reportedAt);
  store.id[i] = row.id;
  store.reportedMs[i] = reported;
  store.deadlineMs[i] = Date.parse(row.deadlineAt);
  store.gridId[i] = row.gridId;
  store.severity[i] = row.severity;
  store.classes[i] = classifyIncident(row);
  store.kind[i] = row.kind;
  store.source[i] = row.source;
  store.level[i] = row.level;
  store.status[i] = row.status;
  store.month[i] = new Date(reported + COUNTY_OFFSET_MS).toISOString().slice(0, 7);
}

function build(db: Db, lastEventId: number): StoreState {
  const rows = allStatsIncidents(db);
  const store: IncidentStatsStore = {
    count: rows.length, id: [], reportedMs: [], deadlineMs: [], gridId: [], severity: [], classes: [],
    kind: [], source: [], level: [], status: [], month: [],
  };
  const indexOf = new Map<number, number>();
  rows.forEach((row, i) => {
    put(store, i, row);
    indexOf.set(row.id, i);
  });
  return { store, indexOf, lastEventId };
}

/**
 * Applies the incidents changed since the store's last event: a change in place, a new report
 * (reported now, so after every other) appended. A report dated before the newest one would
 * break the order: then the whole store is read again. Null when it must be.
 */
function applyChanges(db: Db, state: StoreState, lastEventId: number): StoreState | null {
  const { store, indexOf } = state;
  for (const row of statsIncidentsChangedSince(db, state.lastEventId)) {
    const at = indexOf.get(row.id);
    const reported = Date.parse(row.reportedAt);
    if (at !== undefined && store.reportedMs[at] === reported) {
      put(store, at, row);
    } else if (at === undefined && (store.count === 0 || reported >= store.reportedMs[store.count - 1])) {
      put(store, store.count, row);
      indexOf.set(row.id, store.count);
      store.count += 1;
    } else {
      return null;
    }
  }
  state.lastEventId = lastEventId;
  return state;
}

/**
 * The store of `db`, kept current through the incidents' timelines: every change of an incident
 * records an event (issue 3), so the incidents with events newer than the store's last one are
 * all that changed, and only they are read again. One indexed query when nothing changed.
 */
export function incidentStatsStore(db: Db): IncidentStatsStore {
  const lastEventId = lastIncidentEventId(db);
  const state = states.get(db);
  if (state && state.lastEventId === lastEventId) return state.store;
  const next = (state && applyChanges(db, state, lastEventId)) ?? build(db, lastEventId);
  states.set(db, next);
  return next.store;
}

/** The first index whose report time is at or after `ms` (binary search over the sorted column). */
export function firstReportedAtOrAfter(store: IncidentStatsStore, ms: number): number {
  let lo = 0;
  let hi = store.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (store.reportedMs[mid] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
