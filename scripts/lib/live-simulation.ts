import {
  INCIDENT_KINDS,
  type AreaLevel,
  type IncidentIntake,
  type IncidentKind,
  type IncidentSource,
  type Party,
  type ReferralTarget,
  type Severity,
  type Transition,
  type TransitionRequest,
} from '@gridmap/shared';
import { distanceMetres } from '@gridmap/shared/geo/metres';
import { AT_HOUSEHOLD_SHARE, KIND_SHARE, OFFSET_M, offsetPoint } from '@gridmap/shared/demo/incidents';
import { DEFAULT_SOURCE_WEIGHTS, SEVERITY_WEIGHTS, SOURCE_WEIGHTS, SOURCES } from '@gridmap/shared/demo/incident-timeline';
import { describeIncident } from '@gridmap/shared/demo/incident-text';
import { randomMobile, randomPersonName } from '@gridmap/shared/demo/person-names';
import type { Random } from '@gridmap/shared/demo/random';

// What `scripts/simulate-live.ts` posts next, as pure functions of a seeded Random and what the
// server told it: the same seed and the same answers give the same requests.

/** Share of actions that report a new incident while open incidents exist; the rest move one on. */
export const NEW_INCIDENT_SHARE = 0.4;
/** Share of new reports that name the parties (walk-ins and hotline calls usually do). */
const PARTIES_SHARE = 0.5;

/** A household as `GET /api/households` gives it: where a new dispute is reported. */
export interface Household {
  id: number;
  lon: number;
  lat: number;
}

/** Who records a report, by where it came from. */
const INTAKE_DESK: Record<IncidentSource, string> = {
  patrol: '网格员',
  walk_in: '接待窗口',
  hotline_12345: '12345热线',
  police_110: '110联动中心',
  online: '网上受理平台',
};

/** Who records a step, by the level handling the case (as the demo's timelines do). */
const LEVEL_DESK: Record<AreaLevel, string> = {
  grid: '网格员',
  community: '村（社区）调委会',
  town: '镇（街道）综治中心',
  county: '市综治中心',
};

/** 'report' a new incident or move an open one on ('transition'); always 'report' while none is open. */
export function chooseAction(random: Random, openCount: number): 'report' | 'transition' {
  return openCount === 0 || random.chance(NEW_INCIDENT_SHARE) ? 'report' : 'transition';
}

/**
 * A new incident at or near `home`, with the demo generator's mixes: kind by KIND_SHARE, severity
 * and source by the demo's weights, a description from its templates, and 60 % of reports at
 * the door (householdId set), the rest within OFFSET_M metres.
 */
export function drawIntake(random: Random, home: Household): IncidentIntake {
  const kind = INCIDENT_KINDS[random.weightedIndex(INCIDENT_KINDS.map((k) => KIND_SHARE[k]))];
  const severity = (1 + random.weightedIndex(SEVERITY_WEIGHTS)) as Severity;
  const source = SOURCES[random.weightedIndex(SOURCE_WEIGHTS[kind] ?? DEFAULT_SOURCE_WEIGHTS)];
  const atDoor = random.chance(AT_HOUSEHOLD_SHARE);
  const [lon, lat] = atDoor ? [home.lon, home.lat] : offsetPoint(home.lon, home.lat, OFFSET_M, random);
  const intake: IncidentIntake = {
    kind,
    description: describeIncident(kind, random),
    location: { lon: round7(lon), lat: round7(lat) },
    source,
    severity,
    actor: INTAKE_DESK[source],
  };
  if (atDoor) intake.householdId = home.id;
  if (random.chance(PARTIES_SHARE)) intake.parties = drawParties(random);
  return intake;
}

function drawParties(random: Random): Party[] {
  const parties: Party[] = [{ name: randomPersonName(random), role: 'applicant', phone: randomMobile(random) }];
  if (random.chance(0.7)) parties.push({ name: randomPersonName(random), role: 'respondent' });
  return parties;
}

/** The part of `GET /api/incidents/:id` a next step is chosen from. */
export interface OpenIncident {
  kind: IncidentKind;
  severity: number;
  level: AreaLevel;
  version: number;
  lon: number;
  lat: number;
  allowedTransitions: Transition[];
}

/** A mediation point as `GET /api/mediation-points` gives it. */
export interface MediationPointChoice {
  id: number;
  name: string;
  level: AreaLevel;
  disputeKinds: IncidentKind[];
  lon: number;
  lat: number;
}

/** Levels of mediation point a case at each level goes to (grid cases to village committees). */
const POINT_LEVELS: Record<AreaLevel, AreaLevel[]> = {
  grid: ['community', 'town'],
  community: ['community', 'town'],
  town: ['town'],
  county: ['county'],
};

/**
 * The next step for `incident`, or null when none is allowed (it is closed) or no mediation point
 * takes its kind. Weights follow the demo's timelines: cases mostly move forward; about one in
 * ten mediations fails, more for severe cases and petitions; a few cases are escalated.
 */
export function chooseTransition(
  random: Random, incident: OpenIncident, points: readonly MediationPointChoice[], actor = LEVEL_DESK[incident.level],
): TransitionRequest | null {
  const successShare = 0.92 - 0.08 * (incident.severity - 1) - (incident.kind === 'petition' ? 0.15 : 0);
  const weights: Partial<Record<Transition, number>> = {
    accept: 1, assign: 1, start_mediation: 1, resolve: successShare, fail: 1 - successShare,
    refer: 1, follow_up: 1, close: 1,
  };
  const allowed = incident.allowedTransitions;
  // Escalation is offered at every open status; it is taken rarely, mostly while mediating.
  const escalateWeight = allowed.includes('resolve') ? 0.06 : 0.02;
  // A re-assignment (allowed while assigned) is rare: most cases start mediation.
  const choices = allowed.map((t) => (t === 'escalate' ? escalateWeight : t === 'assign' && allowed.includes('start_mediation') ? 0.05 : weights[t] ?? 0));
  if (choices.every((w) => w === 0)) return null;
  const transition = allowed[random.weightedIndex(choices)];
  const base = { actor, expectedVersion: incident.version };
  switch (transition) {
    case 'assign': {
      const point = handlingPoint(points, incident);
      if (point === null) return null;
      return { transition, ...base, mediationPointId: point.id, assignee: randomPersonName(random), note: `交${point.name}调处` };
    }
    case 'refer':
      return { transition, ...base, referredTo: referralTarget(incident.kind, random) };
    case 'escalate':
      return { transition, ...base, reason: '案情复杂，超出本级调处能力，报请上级协调' };
    default:
      return { transition, ...base };
  }
}

/** The nearest point at a fitting level that takes the kind; any point that takes it otherwise. */
export function handlingPoint(points: readonly MediationPointChoice[], incident: Pick<OpenIncident, 'kind' | 'level' | 'lon' | 'lat'>): MediationPointChoice | null {
  const takers = points.filter((p) => p.disputeKinds.includes(incident.kind));
  const fitting = takers.filter((p) => POINT_LEVELS[incident.level].includes(p.level));
  let best: MediationPointChoice | null = null;
  let bestD = Infinity;
  for (const p of fitting.length > 0 ? fitting : takers) {
    const d = distanceMetres(incident.lon, incident.lat, p.lon, p.lat);
    if (d < bestD) (bestD = d), (best = p);
  }
  return best;
}

function referralTarget(kind: IncidentKind, random: Random): ReferralTarget {
  if (kind === 'petition') return 'petition_office';
  if ((kind === 'neighbour' || kind === 'family' || kind === 'traffic') && random.chance(0.3)) return 'police';
  return 'court';
}

/** Seven decimals of a degree (about 1 cm): what a GPS report carries, and a shorter request. */
function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
