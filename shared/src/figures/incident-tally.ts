import { AREA_LEVELS, type AreaLevel } from '../areas/area-level.ts';
import { OPEN_STATUSES, type IncidentStatus } from '../incidents/incident-catalogue.ts';

/** Days to resolve are kept in buckets of this many days (0.1 = a tenth of a day, 2.4 hours). */
export const RESOLVE_DAYS_BUCKET = 0.1;
/** The same bucket in ms; whole, so that SQL and JS bucket a duration alike by integer division. */
export const RESOLVE_BUCKET_MS = 8_640_000;

/**
 * The additive counts behind every figure of an area and period: what was reported in the
 * period, in the state it is in now. Counts of a parent are the sums of its children's, so the
 * server tallies grids and adds them up, and a test checks that it does.
 */
export interface IncidentTally {
  /** Reported in the period. */
  reported: number;
  /** Sum of severities (1 一般, 2 较大, 3 重大) of those reported: the safety index weighs by it. */
  severityWeight: number;
  /** Still in an open status (OPEN_STATUSES) now. */
  open: number;
  /** Open and past its deadline now. */
  overdue: number;
  /** Mediated successfully (调解成功): it has a `resolvedAt`. */
  resolved: number;
  /** Mediation reached an outcome, success or failure (调解成功 + 调解不成). */
  concluded: number;
  /** Resolved at the level it arose at, never escalated (level = originLevel): 矛盾不上交. */
  resolvedAtOrigin: number;
  /** Days from report to resolution of the resolved, by bucket (key: days / RESOLVE_DAYS_BUCKET, rounded down). */
  resolveDays: Record<number, number>;
}

/** The part of an incident the tally reads. */
export interface TalliedIncident {
  status: IncidentStatus;
  severity: number;
  level: AreaLevel;
  originLevel: AreaLevel;
  reportedAt: string;
  deadlineAt: string;
  resolvedAt: string | null;
}

/** Statuses in which mediation has reached its outcome; `resolvedAt` tells success from failure. */
export const CONCLUDED_STATUSES: readonly IncidentStatus[] = ['resolved', 'failed', 'referred', 'followed_up', 'closed'];

/** A tally of nothing. */
export function emptyTally(): IncidentTally {
  return { reported: 0, severityWeight: 0, open: 0, overdue: 0, resolved: 0, concluded: 0, resolvedAtOrigin: 0, resolveDays: {} };
}

/** The bucket of a resolution `ms` after the report (see RESOLVE_DAYS_BUCKET). */
export function resolveDaysBucket(ms: number): number {
  return Math.floor(Math.max(0, ms) / RESOLVE_BUCKET_MS);
}

/** What an incident adds to a tally whatever the time: all but `overdue`, which moves with the clock. */
export interface IncidentClass {
  open: boolean;
  concluded: boolean;
  resolved: boolean;
  resolvedAtOrigin: boolean;
  /** The bucket of its days to resolve, null when not resolved. */
  resolveBucket: number | null;
}

/** How an incident counts in the figures: the one definition the server's store and `tallyIncidents` share. */
export function classifyIncident(incident: TalliedIncident): IncidentClass {
  const resolved = incident.resolvedAt !== null;
  return {
    open: OPEN_STATUSES.includes(incident.status),
    concluded: CONCLUDED_STATUSES.includes(incident.status),
    resolved,
    // Escalation only moves a case up, so "not above where it arose" is "never escalated".
    resolvedAtOrigin: resolved && AREA_LEVELS.indexOf(incident.level) >= AREA_LEVELS.indexOf(incident.originLevel),
    resolveBucket: resolved ? resolveDaysBucket(Date.parse(incident.resolvedAt!) - Date.parse(incident.reportedAt)) : null,
  };
}

/** Adds one classified incident of `severity` to `tally`; `overdue` is whether it is overdue now. */
export function addToTally(tally: IncidentTally, c: IncidentClass, severity: number, overdue: boolean): void {
  tally.reported += 1;
  tally.severityWeight += severity;
  if (c.open) tally.open += 1;
  if (overdue) tally.overdue += 1;
  if (c.concluded) tally.concluded += 1;
  if (c.resolved) tally.resolved += 1;
  if (c.resolvedAtOrigin) tally.resolvedAtOrigin += 1;
  if (c.resolveBucket !== null) tally.resolveDays[c.resolveBucket] = (tally.resolveDays[c.resolveBucket] ?? 0) + 1;
}

/**
 * The tally of these incidents at `now`: every figure builds on it. An incident is overdue when
 * it is open and its deadline is before `now`.
 */
export function tallyIncidents(incidents: Iterable<TalliedIncident>, now: Date): IncidentTally {
  const tally = emptyTally();
  const nowIso = now.toISOString();
  for (const incident of incidents) {
    const c = classifyIncident(incident);
    addToTally(tally, c, incident.severity, c.open && incident.deadlineAt < nowIso);
  }
  return tally;
}

/** The sum of tallies: the tally of the union of their (disjoint) incidents. */
export function addTallies(tallies: Iterable<IncidentTally>): IncidentTally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.reported += t.reported;
    sum.severityWeight += t.severityWeight;
    sum.open += t.open;
    sum.overdue += t.overdue;
    sum.resolved += t.resolved;
    sum.concluded += t.concluded;
    sum.resolvedAtOrigin += t.resolvedAtOrigin;
    for (const [bucket, count] of Object.entries(t.resolveDays)) {
      sum.resolveDays[Number(bucket)] = (sum.resolveDays[Number(bucket)] ?? 0) + count;
    }
  }
  return sum;
}

/**
 * The median days to resolve from a bucketed histogram: the midpoint of the bucket that holds
 * the middle case (the mean of the two middle buckets for an even count), null when empty.
 * @example medianResolveDays({ 10: 1, 30: 2 }) // 3.05: buckets 3.0–3.1 days hold the middle case
 */
export function medianResolveDays(histogram: Record<number, number>): number | null {
  const buckets = Object.entries(histogram)
    .map(([bucket, count]) => [Number(bucket), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [bucket, count] of buckets) {
      seen += count;
      if (seen > rank) return (bucket + 0.5) * RESOLVE_DAYS_BUCKET;
    }
    throw new Error(`rank ${rank} beyond ${total}`);
  };
  const middle = total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
  return Math.round(middle * 100) / 100;
}
