import {
  AREA_LEVELS,
  INCIDENT_KINDS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  classifyIncident,
  type AreaLevel,
  type IncidentClass,
  type IncidentKind,
  type IncidentSource,
  type IncidentStatus,
} from '@gridmap/shared';
import type { Db } from '../db/open-db.ts';
import { runAtOnce, runInTurns, type Steps } from '../db/read-in-turns.ts';
import { lastIncidentEventId, statsIncidentsAfter, statsIncidentsChangedSince, type StatsIncidentRow } from '../db/stats-sql.ts';
import { incidentIdSpan } from '../db/tile-points-sql.ts';

/** The county's clock is UTC+8: its calendar months start 8 hours before UTC's. */
const COUNTY_OFFSET_MS = 8 * 3_600_000;
/**
 * Incidents read per turn when the store is built: some 25–75 ms of work on a loaded 2-core
 * machine, so that a province's two million are read without holding other requests for long.
 */
const CHUNK_ROWS = 10_000;
/** Room for incidents reported after the store was built before its arrays grow. */
const APPEND_HEADROOM = 4_096;

/** Bits of `flags`: what `classifyIncident` says of an incident, whatever the time. */
const OPEN = 1;
const CONCLUDED = 2;
const RESOLVED = 4;
const RESOLVED_AT_ORIGIN = 8;

/**
 * Every incident's figure columns in memory, oldest report first, each classified once by the
 * shared definition (`classifyIncident`). A request for figures is then one pass over the
 * incidents reported in its period, found by binary search, instead of several SQL scans.
 * Columns are typed arrays (about 36 bytes an incident) and the catalogue values their indices
 * in the shared catalogues, so that a province's two million incidents take tens of MB, not a GB.
 */
export interface IncidentStatsStore {
  count: number;
  /** Rows put so far (read, changed or appended): what is derived from the store is kept until it moves. */
  changes: number;
  /** Rows whose grid a change moved (a position's county may then differ): cuts by county are made again. */
  regrids: number;
  id: Uint32Array;
  /** Report time, ms since the epoch, ascending. */
  reportedMs: Float64Array;
  deadlineMs: Float64Array;
  gridId: Uint32Array;
  severity: Uint8Array;
  /** OPEN | CONCLUDED | RESOLVED | RESOLVED_AT_ORIGIN bits; see `classAt`. */
  flags: Uint8Array;
  /** Days-to-resolve bucket (see `resolveDaysBucket`), −1 when not resolved. */
  resolveBucket: Int32Array;
  /** Index in INCIDENT_KINDS, INCIDENT_SOURCES, AREA_LEVELS and INCIDENT_STATUSES. */
  kind: Uint8Array;
  source: Uint8Array;
  level: Uint8Array;
  status: Uint8Array;
  /** Month of the report in the county's calendar, as year × 12 + month − 1 (see `monthIndex`). */
  month: Uint16Array;
}

interface StoreState {
  store: IncidentStatsStore;
  /** Position of each incident in the store by id (−1: none); ids are the table's dense row ids. */
  positionOf: Int32Array;
  /** The newest timeline event the store reflects. */
  lastEventId: number;
}

const states = new WeakMap<Db, StoreState>();
/** Builds in turns under way, so that concurrent requests wait for the same one. */
const building = new WeakMap<Db, Promise<void>>();

const kindCode = codes(INCIDENT_KINDS);
const sourceCode = codes(INCIDENT_SOURCES);
const levelCode = codes(AREA_LEVELS);
const statusCode = codes(INCIDENT_STATUSES);

function codes(values: readonly string[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}

/** The month 'YYYY-MM' as year × 12 + month − 1, the store's `month`. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export const kindAt = (store: IncidentStatsStore, i: number): IncidentKind => INCIDENT_KINDS[store.kind[i]];
export const sourceAt = (store: IncidentStatsStore, i: number): IncidentSource => INCIDENT_SOURCES[store.source[i]];
export const levelAt = (store: IncidentStatsStore, i: number): AreaLevel => AREA_LEVELS[store.level[i]];
export const statusAt = (store: IncidentStatsStore, i: number): IncidentStatus => INCIDENT_STATUSES[store.status[i]];

/** Incident i's class, written into `into` (one object reused over a pass instead of one per incident). */
export function classAt(store: IncidentStatsStore, i: number, into: IncidentClass): IncidentClass {
  const f = store.flags[i];
  into.open = (f & OPEN) !== 0;
  into.concluded = (f & CONCLUDED) !== 0;
  into.resolved = (f & RESOLVED) !== 0;
  into.resolvedAtOrigin = (f & RESOLVED_AT_ORIGIN) !== 0;
  into.resolveBucket = store.resolveBucket[i] < 0 ? null : store.resolveBucket[i];
  return into;
}

function emptyStore(capacity: number): IncidentStatsStore {
  return {
    count: 0,
    changes: 0,
    regrids: 0,
    id: new Uint32Array(capacity),
    reportedMs: new Float64Array(capacity),
    deadlineMs: new Float64Array(capacity),
    gridId: new Uint32Array(capacity),
    severity: new Uint8Array(capacity),
    flags: new Uint8Array(capacity),
    resolveBucket: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    source: new Uint8Array(capacity),
    level: new Uint8Array(capacity),
    status: new Uint8Array(capacity),
    month: new Uint16Array(capacity),
  };
}

/** Copies of every column at twice the capacity (an append found them full). */
function grown(store: IncidentStatsStore): IncidentStatsStore {
  const bigger = emptyStore(Math.max(APPEND_HEADROOM, store.id.length * 2));
  for (const key of Object.keys(bigger) as (keyof IncidentStatsStore)[]) {
    if (key !== 'count' && key !== 'changes' && key !== 'regrids') (bigger[key] as Uint8Array).set(store[key] as Uint8Array);
  }
  bigger.count = store.count;
  bigger.changes = store.changes;
  bigger.regrids = store.regrids;
  return bigger;
}

function put(store: IncidentStatsStore, i: number, row: StatsIncidentRow): void {
  const [id, gridId, kind, source, status, level, originLevel, severity, reportedAt, deadlineAt, resolvedAt] = row;
  const reported = Date.parse(reportedAt);
  store.changes += 1;
  if (i < store.count && store.gridId[i] !== gridId) store.regrids += 1;
  const c = classifyIncident({ status, severity, level, originLevel, reportedAt, deadlineAt, resolvedAt });
  store.id[i] = id;
  store.reportedMs[i] = reported;
  store.deadlineMs[i] = Date.parse(deadlineAt);
  store.gridId[i] = gridId;
  store.severity[i] = severity;
  store.flags[i] = (c.open ? OPEN : 0) | (c.concluded ? CONCLUDED : 0) | (c.resolved ? RESOLVED : 0) | (c.resolvedAtOrigin ? RESOLVED_AT_ORIGIN : 0);
  store.resolveBucket[i] = c.resolveBucket ?? -1;
  store.kind[i] = kindCode.get(kind)!;
  store.source[i] = sourceCode.get(source)!;
  store.level[i] = levelCode.get(level)!;
  store.status[i] = statusCode.get(status)!;
  const local = new Date(reported + COUNTY_OFFSET_MS);
  store.month[i] = local.getUTCFullYear() * 12 + local.getUTCMonth();
}

/** Appends a row after every other (its report is the newest), growing the arrays when full. */
function append(state: StoreState, row: StatsIncidentRow): void {
  if (state.store.count === state.store.id.length) state.store = grown(state.store);
  const at = state.store.count;
  put(state.store, at, row);
  state.store.count += 1;
  const id = row[0];
  if (id >= state.positionOf.length) {
    const bigger = new Int32Array(Math.max(id + 1 + APPEND_HEADROOM, state.positionOf.length * 2)).fill(-1);
    bigger.set(state.positionOf);
    state.positionOf = bigger;
  }
  state.positionOf[id] = at;
}

/** Reads every incident in report order, a chunk per step. */
function* readAll(db: Db): Steps<StoreState> {
  const lastEventId = lastIncidentEventId(db);
  const capacity = incidentIdSpan(db) + APPEND_HEADROOM;
  const state: StoreState = { store: emptyStore(capacity), positionOf: new Int32Array(capacity).fill(-1), lastEventId };
  let after: [string, number] | null = null;
  for (;;) {
    const rows = statsIncidentsAfter(db, after, CHUNK_ROWS);
    for (const row of rows) append(state, row);
    if (rows.length < CHUNK_ROWS) return state;
    const last = rows[rows.length - 1];
    after = [last[8], last[0]];
    yield;
  }
}

/**
 * Applies the incidents changed since the store's last event: a change in place, a new report
 * (reported now, so after every other) appended. A report dated before the newest one would
 * break the order: then the whole store is read again. Null when it must be.
 */
function applyChanges(db: Db, state: StoreState, lastEventId: number): StoreState | null {
  for (const row of statsIncidentsChangedSince(db, state.lastEventId)) {
    const { store } = state;
    const at = row[0] < state.positionOf.length ? state.positionOf[row[0]] : -1;
    const reported = Date.parse(row[8]);
    if (at >= 0 && store.reportedMs[at] === reported) {
      put(store, at, row);
    } else if (at < 0 && (store.count === 0 || reported >= store.reportedMs[store.count - 1])) {
      append(state, row);
    } else {
      return null;
    }
  }
  state.lastEventId = lastEventId;
  return state;
}

/**
 * The store read afresh: every incident, then the changes made while it was read (their events
 * are newer than the one noted at the start; the first chunks may have been read before them).
 */
function* rebuild(db: Db): Steps<StoreState> {
  for (;;) {
    const state = yield* readAll(db);
    const current = applyChanges(db, state, lastIncidentEventId(db));
    if (current) return current;
  }
}

/** The store brought up to date without a full read, or null when it needs one. */
function refreshed(db: Db): StoreState | null {
  const state = states.get(db);
  if (!state) return null;
  const lastEventId = lastIncidentEventId(db);
  return state.lastEventId === lastEventId ? state : applyChanges(db, state, lastEventId);
}

/**
 * The store of `db`, kept current through the incidents' timelines: every change of an incident
 * records an event (issue 3), so the incidents with events newer than the store's last one are
 * all that changed, and only they are read again. One indexed query when nothing changed.
 * Builds the store at once when there is none (routes await `incidentStatsReady` first).
 */
export function incidentStatsStore(db: Db): IncidentStatsStore {
  const state = refreshed(db) ?? runAtOnce(rebuild(db));
  states.set(db, state);
  return state.store;
}

/**
 * Resolves when the store of `db` is current; a full read (the first, or after an import) is
 * done in turns of CHUNK_ROWS incidents, so the server keeps answering other requests meanwhile.
 */
export function incidentStatsReady(db: Db): Promise<void> {
  const pending = building.get(db);
  if (pending) return pending;
  const state = refreshed(db);
  if (state) {
    states.set(db, state);
    return Promise.resolve();
  }
  states.delete(db); // half-applied changes: nothing reads it until the new one is there
  const done = runInTurns(rebuild(db))
    .then((fresh) => void states.set(db, fresh))
    .finally(() => building.delete(db));
  building.set(db, done);
  return done;
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
