import { AREA_LEVELS, type AreaLevel } from '../areas/area-level.ts';
import { OPEN_STATUSES, type IncidentStatus } from './incident-catalogue.ts';

/**
 * The named steps of the handling cycle (受理、分流、交办、调解、办结、回访, DOMAIN.md). Every change
 * of an incident after intake is one of these, recorded as an event of its timeline.
 */
export const TRANSITIONS = [
  'accept', // 受理
  'assign', // 交办: to a mediation point and a person
  'start_mediation', // 开始调解
  'resolve', // 调解成功
  'fail', // 调解不成
  'refer', // 移交: court 诉调对接, petition office 访调对接, police 警民联调
  'follow_up', // 回访
  'close', // 办结归档
  'escalate', // 上报: one level up, with a reason; the status stays
] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** What a timeline event records: intake (`report`) or a transition. */
export const INCIDENT_EVENT_KINDS = ['report', ...TRANSITIONS] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

/** The statuses a status-changing transition starts from, and the status it leads to. */
export const STATUS_TRANSITIONS: Record<Exclude<Transition, 'escalate'>, { from: readonly IncidentStatus[]; to: IncidentStatus }> = {
  accept: { from: ['reported'], to: 'accepted' },
  // Assigned again while assigned: handed to another point or person before mediation starts.
  assign: { from: ['accepted', 'assigned'], to: 'assigned' },
  start_mediation: { from: ['assigned'], to: 'mediating' },
  resolve: { from: ['mediating'], to: 'resolved' },
  fail: { from: ['mediating'], to: 'failed' },
  refer: { from: ['failed'], to: 'referred' },
  follow_up: { from: ['resolved', 'referred'], to: 'followed_up' },
  close: { from: ['followed_up'], to: 'closed' },
};

/** The part of an incident the handling cycle reads and changes. */
export interface HandlingState {
  status: IncidentStatus;
  level: AreaLevel;
}

/** The level above `level` (grid → community → town → county), or null at the county. */
export function levelAbove(level: AreaLevel): AreaLevel | null {
  const index = AREA_LEVELS.indexOf(level);
  return index > 0 ? AREA_LEVELS[index - 1] : null;
}

/**
 * The state after `transition`, or null when the cycle does not allow it from `state`.
 * Escalation is allowed at any open status below the county and keeps the status.
 */
export function nextHandlingState(state: HandlingState, transition: Transition): HandlingState | null {
  if (transition === 'escalate') {
    const above = levelAbove(state.level);
    return above !== null && OPEN_STATUSES.includes(state.status) ? { status: state.status, level: above } : null;
  }
  const rule = STATUS_TRANSITIONS[transition];
  return rule.from.includes(state.status) ? { status: rule.to, level: state.level } : null;
}

/** The transitions allowed from `state`, in cycle order, e.g. ['accept', 'escalate'] for a new grid case. */
export function allowedTransitions(state: HandlingState): Transition[] {
  return TRANSITIONS.filter((transition) => nextHandlingState(state, transition) !== null);
}
