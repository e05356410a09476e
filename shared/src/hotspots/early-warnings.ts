import { classifyHotspots } from './classify-hotspots.ts';
import type { Neighbourhood } from './neighbourhood.ts';
import { benjaminiHochberg } from './benjamini-hochberg.ts';
import { poissonRateRiseP } from './poisson-rate-test.ts';
import {
  BASELINE_PERIOD_DAYS,
  EMERGING_MAX_BASELINE_BIN,
  EMERGING_MIN_BIN,
  EMERGING_MIN_RECENT_COUNT,
  EMERGING_RECENT_DAYS,
  NEAR_DEADLINE_HOURS,
  RECENT_PERIOD_DAYS,
  REPEAT_ADDRESS_MIN_COUNT,
  REPEAT_ADDRESS_WINDOW_DAYS,
  RISING_MAX_Q_VALUE,
  RISING_MIN_RATE_RATIO,
  RISING_MIN_RECENT_COUNT,
} from './warning-thresholds.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Incidents as parallel columns; `grid` indexes `WarningGrids.ids`, `householdId` 0 for none. */
export interface WarningIncidents {
  id: ArrayLike<number>;
  grid: ArrayLike<number>;
  householdId: ArrayLike<number>;
  reportedMs: ArrayLike<number>;
  deadlineMs: ArrayLike<number>;
  /** 1 while the case is being handled (OPEN_STATUSES). */
  open: ArrayLike<number>;
}

export interface WarningGrids {
  ids: readonly number[];
  /** Grids sharing an edge, for the emerging hot-spot rule. */
  neighbourhood: Neighbourhood;
}

export type WarningType = 'rising_area' | 'emerging_hotspot' | 'repeat_address' | 'near_deadline';

/** One early warning, before the API adds names and places. Figures are numbers; words come from the web catalogue. */
export interface EarlyWarning {
  id: string;
  type: WarningType;
  /** When the newest evidence of the warning happened (ISO UTC); the list is newest first. */
  at: string;
  gridId: number;
  householdId: number | null;
  /** The cases behind the warning, newest first. */
  incidentIds: number[];
  figures: Record<string, number>;
}

/**
 * Every early warning at `nowMs` (rules and thresholds in warning-thresholds.ts), newest first:
 * - rising_area: a grid's incidents of the last RECENT_PERIOD_DAYS against its own previous
 *   BASELINE_PERIOD_DAYS, by a one-sided Poisson rate test with BH across grids;
 * - emerging_hotspot: a grid hot by Gi* (grid neighbours, BH) over the last EMERGING_RECENT_DAYS
 *   that was not hot over the BASELINE_PERIOD_DAYS before them;
 * - repeat_address: REPEAT_ADDRESS_MIN_COUNT or more incidents at one household in the last
 *   REPEAT_ADDRESS_WINDOW_DAYS;
 * - near_deadline: an open case due within NEAR_DEADLINE_HOURS.
 */
export function earlyWarnings(incidents: WarningIncidents, grids: WarningGrids, nowMs: number): EarlyWarning[] {
  return [
    ...risingAreas(incidents, grids, nowMs),
    ...emergingHotspots(incidents, grids, nowMs),
    ...repeatAddresses(incidents, grids, nowMs),
    ...nearDeadline(incidents, grids, nowMs),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
}

/** Per grid: incidents in [recentStart, now), in [baselineStart, recentStart), the recent ones and the newest time. */
function countPeriods(incidents: WarningIncidents, gridCount: number, nowMs: number, recentDays: number) {
  const recentStart = nowMs - recentDays * DAY_MS;
  const baselineStart = recentStart - BASELINE_PERIOD_DAYS * DAY_MS;
  const recent = new Float64Array(gridCount);
  const baseline = new Float64Array(gridCount);
  const recentRows: number[][] = Array.from({ length: gridCount }, () => []);
  const newest = new Float64Array(gridCount);
  for (let i = 0; i < incidents.id.length; i++) {
    const t = incidents.reportedMs[i];
    const grid = incidents.grid[i];
    if (grid < 0) continue;
    if (t >= recentStart && t < nowMs) {
      recent[grid]++;
      recentRows[grid].push(i);
      newest[grid] = Math.max(newest[grid], t);
    } else if (t >= baselineStart && t < recentStart) baseline[grid]++;
  }
  const newestFirstIds = (k: number) =>
    [...recentRows[k]].sort((a, b) => incidents.reportedMs[b] - incidents.reportedMs[a]).map((i) => incidents.id[i]);
  return { recent, baseline, newest, newestFirstIds };
}

function risingAreas(incidents: WarningIncidents, grids: WarningGrids, nowMs: number): EarlyWarning[] {
  const g = grids.ids.length;
  const { recent, baseline, newest, newestFirstIds } = countPeriods(incidents, g, nowMs, RECENT_PERIOD_DAYS);
  const p = Float64Array.from({ length: g }, (_, k) => poissonRateRiseP(recent[k], baseline[k], RECENT_PERIOD_DAYS, BASELINE_PERIOD_DAYS));
  const q = benjaminiHochberg(p);
  const warnings: EarlyWarning[] = [];
  for (let k = 0; k < g; k++) {
    const recentRate = recent[k] / RECENT_PERIOD_DAYS;
    const baselineRate = baseline[k] / BASELINE_PERIOD_DAYS;
    const ratio = baselineRate > 0 ? recentRate / baselineRate : Infinity;
    if (recent[k] < RISING_MIN_RECENT_COUNT || ratio < RISING_MIN_RATE_RATIO || q[k] > RISING_MAX_Q_VALUE) continue;
    warnings.push({
      id: `rising_area:${grids.ids[k]}`,
      type: 'rising_area',
      at: new Date(newest[k]).toISOString(),
      gridId: grids.ids[k],
      householdId: null,
      incidentIds: newestFirstIds(k),
      figures: {
        recent: recent[k],
        baseline: baseline[k],
        recentDays: RECENT_PERIOD_DAYS,
        baselineDays: BASELINE_PERIOD_DAYS,
        // JSON has no Infinity: a grid without baseline cases states its ratio as -1 (none to compare with).
        rateRatio: Number.isFinite(ratio) ? round(ratio, 2) : -1,
        pValue: p[k],
        qValue: q[k],
      },
    });
  }
  return warnings;
}

function emergingHotspots(incidents: WarningIncidents, grids: WarningGrids, nowMs: number): EarlyWarning[] {
  const g = grids.ids.length;
  const { recent, baseline, newest, newestFirstIds } = countPeriods(incidents, g, nowMs, EMERGING_RECENT_DAYS);
  const now = classifyHotspots(recent, grids.neighbourhood, true);
  const before = classifyHotspots(baseline, grids.neighbourhood, true);
  const warnings: EarlyWarning[] = [];
  for (let k = 0; k < g; k++) {
    if (now.bins[k] < EMERGING_MIN_BIN || before.bins[k] > EMERGING_MAX_BASELINE_BIN || recent[k] < EMERGING_MIN_RECENT_COUNT) continue;
    warnings.push({
      id: `emerging_hotspot:${grids.ids[k]}`,
      type: 'emerging_hotspot',
      at: new Date(newest[k]).toISOString(),
      gridId: grids.ids[k],
      householdId: null,
      incidentIds: newestFirstIds(k),
      figures: {
        recent: recent[k],
        recentDays: EMERGING_RECENT_DAYS,
        z: round(now.z[k], 2),
        confidence: [0, 90, 95, 99][now.bins[k]],
        baselineZ: round(before.z[k], 2),
        baselineDays: BASELINE_PERIOD_DAYS,
      },
    });
  }
  return warnings;
}

function repeatAddresses(incidents: WarningIncidents, grids: WarningGrids, nowMs: number): EarlyWarning[] {
  const start = nowMs - REPEAT_ADDRESS_WINDOW_DAYS * DAY_MS;
  const byHousehold = new Map<number, number[]>();
  for (let i = 0; i < incidents.id.length; i++) {
    const h = incidents.householdId[i];
    const t = incidents.reportedMs[i];
    if (h === 0 || t < start || t >= nowMs) continue;
    const list = byHousehold.get(h);
    if (list) list.push(i);
    else byHousehold.set(h, [i]);
  }
  const warnings: EarlyWarning[] = [];
  for (const [householdId, list] of byHousehold) {
    if (list.length < REPEAT_ADDRESS_MIN_COUNT) continue;
    list.sort((a, b) => incidents.reportedMs[b] - incidents.reportedMs[a]);
    warnings.push({
      id: `repeat_address:${householdId}`,
      type: 'repeat_address',
      at: new Date(incidents.reportedMs[list[0]]).toISOString(),
      gridId: grids.ids[incidents.grid[list[0]]],
      householdId,
      incidentIds: list.map((i) => incidents.id[i]),
      figures: { count: list.length, windowDays: REPEAT_ADDRESS_WINDOW_DAYS },
    });
  }
  return warnings;
}

function nearDeadline(incidents: WarningIncidents, grids: WarningGrids, nowMs: number): EarlyWarning[] {
  const warnings: EarlyWarning[] = [];
  const horizon = nowMs + NEAR_DEADLINE_HOURS * HOUR_MS;
  for (let i = 0; i < incidents.id.length; i++) {
    const due = incidents.deadlineMs[i];
    if (incidents.open[i] !== 1 || due < nowMs || due > horizon) continue;
    warnings.push({
      id: `near_deadline:${incidents.id[i]}`,
      type: 'near_deadline',
      // It became a warning when the deadline came within the horizon.
      at: new Date(due - NEAR_DEADLINE_HOURS * HOUR_MS).toISOString(),
      gridId: grids.ids[incidents.grid[i]],
      householdId: null,
      incidentIds: [incidents.id[i]],
      figures: { hoursLeft: round((due - nowMs) / HOUR_MS, 1), deadlineHours: NEAR_DEADLINE_HOURS },
    });
  }
  return warnings;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
