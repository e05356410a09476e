import { AREA_LEVELS, type AreaLevel } from '../areas/area-level.ts';
import { deadlineDays, type IncidentKind, type IncidentSource, type IncidentStatus, type ReferralTarget, type Severity } from '../incidents/incident-catalogue.ts';
import type { IncidentEventKind } from '../incidents/handling-cycle.ts';
import type { Random } from './random.ts';

export const DAY_MS = 86_400_000;

export const SEVERITY_WEIGHTS = [0.85, 0.12, 0.03];
/** Level a case is first handled at, by severity (小事不出村, 大事不出镇). */
const ORIGIN_BY_SEVERITY: Record<Severity, number[]> = {
  // county, town, community, grid
  1: [0.02, 0.1, 0.2, 0.68],
  2: [0.1, 0.35, 0.35, 0.2],
  3: [0.4, 0.5, 0.1, 0],
};

export const SOURCES: IncidentSource[] = ['patrol', 'walk_in', 'hotline_12345', 'police_110', 'online'];
export const SOURCE_WEIGHTS: Partial<Record<IncidentKind, number[]>> = {
  traffic: [0.05, 0.1, 0.15, 0.65, 0.05],
  neighbour: [0.4, 0.2, 0.15, 0.15, 0.1],
  petition: [0.1, 0.5, 0.2, 0, 0.2],
  medical: [0.05, 0.5, 0.3, 0.05, 0.1],
};
export const DEFAULT_SOURCE_WEIGHTS = [0.35, 0.22, 0.2, 0.1, 0.13];

/** Median time to an outcome as a share of the deadline, and its log-normal spread. */
const MEDIAN_DURATION_SHARE = 0.35;
const DURATION_SIGMA = 0.6;

/** The life of one incident up to `now`: what the generator records about it. */
export interface IncidentTimeline {
  severity: Severity;
  source: IncidentSource;
  originLevel: AreaLevel;
  level: AreaLevel;
  status: IncidentStatus;
  deadlineAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  referredTo: ReferralTarget | null;
  /** True once the case has been handed to a mediation point (assigned or later). */
  assigned: boolean;
  /** What happened, in time order, up to `now`: intake first. */
  steps: TimelineStep[];
}

/** One event of a simulated timeline: when, which step, and the state after it. */
export interface TimelineStep {
  kind: IncidentEventKind;
  at: number;
  status: IncidentStatus;
  level: AreaLevel;
}

/**
 * Simulates the handling cycle of one incident reported at `reportedAt` (ms) and returns its
 * state at `now`: accepted within a day, assigned within days, an outcome after a log-normal
 * share of the deadline (a few per cent run over), then follow-up and closing. Old cases are
 * therefore closed, recent ones open, and a realistic few of the open ones overdue.
 */
export function simulateTimeline(kind: IncidentKind, reportedAt: number, now: number, random: Random): IncidentTimeline {
  const severity = (1 + random.weightedIndex(SEVERITY_WEIGHTS)) as Severity;
  const source = SOURCES[random.weightedIndex(SOURCE_WEIGHTS[kind] ?? DEFAULT_SOURCE_WEIGHTS)];
  let origin = random.weightedIndex(ORIGIN_BY_SEVERITY[severity]); // an index into AREA_LEVELS
  // Medical disputes and petitions start at the town at the lowest (专业调委会, 信访).
  if (kind === 'medical' || kind === 'petition') origin = Math.min(origin, 1);
  const deadline = deadlineDays(kind, severity) * DAY_MS;
  const accepted = reportedAt + random.range(0.05, 1) * DAY_MS;
  const assigned = accepted + random.range(0.2, 2) * DAY_MS;
  const started = assigned + random.range(0, 1.5) * DAY_MS;
  const duration = deadline * MEDIAN_DURATION_SHARE * Math.exp(DURATION_SIGMA * random.normal());
  const outcome = Math.max(reportedAt + duration, started + 0.2 * DAY_MS);
  const success = random.chance(0.92 - 0.08 * (severity - 1) - (kind === 'petition' ? 0.15 : 0));
  const escalated = random.chance(success ? 0.06 : 0.35) && origin > 0;
  const referral = referralTarget(kind, random);
  const referredAt = outcome + random.range(1, 5) * DAY_MS;
  const followUp = outcome + random.range(success ? 3 : 10, success ? 10 : 30) * DAY_MS;
  const closing = followUp + random.range(0.5, 7) * DAY_MS;
  // A few cases are never followed up or closed in the system (paperwork left undone).
  const followedUp = random.chance(0.96);
  const closes = random.chance(0.96);

  const t: IncidentTimeline = {
    severity, source, originLevel: AREA_LEVELS[origin], level: AREA_LEVELS[origin], status: 'reported',
    deadlineAt: reportedAt + deadline, resolvedAt: null, closedAt: null, referredTo: null, assigned: false,
    steps: [],
  };
  const step = (kind: IncidentEventKind, at: number, status: IncidentStatus) => {
    t.status = status;
    t.steps.push({ kind, at, status, level: t.level });
  };
  step('report', reportedAt, 'reported');
  if (now < accepted) return t;
  step('accept', accepted, 'accepted');
  if (now < assigned) return t;
  step('assign', assigned, 'assigned');
  t.assigned = true;
  if (now < started) return t;
  step('start_mediation', started, 'mediating');
  const escalatedAt = started + (outcome - started) / 2;
  if (escalated && now >= escalatedAt) {
    t.level = AREA_LEVELS[origin - 1];
    step('escalate', escalatedAt, 'mediating');
  }
  if (now < outcome) return t;
  if (success) {
    step('resolve', outcome, 'resolved');
    t.resolvedAt = outcome;
  } else {
    step('fail', outcome, 'failed');
    if (now < referredAt) return t;
    t.referredTo = referral;
    step('refer', referredAt, 'referred');
  }
  if (!followedUp || now < followUp) return t;
  step('follow_up', followUp, 'followed_up');
  if (!closes || now < closing) return t;
  t.closedAt = closing;
  step('close', closing, 'closed');
  return t;
}

function referralTarget(kind: IncidentKind, random: Random): ReferralTarget {
  if (kind === 'petition') return 'petition_office';
  if ((kind === 'neighbour' || kind === 'family' || kind === 'traffic') && random.chance(0.3)) return 'police';
  return 'court';
}
