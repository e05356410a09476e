import { distanceMetres, METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';
import type { AreaLevel } from '../areas/area-level.ts';
import { INCIDENT_KINDS, type IncidentKind } from '../incidents/incident-catalogue.ts';
import type { AreaHierarchy } from './area-hierarchy.ts';
import { locateCell, type CellMesh } from './cell-mesh.ts';
import type { HouseholdRecord, IncidentEventRecord, IncidentRecord, MediationPointRecord } from './county-data.ts';
import { industrialPull } from './household-density.ts';
import { describeIncident } from './incident-text.ts';
import { DAY_MS, simulateTimeline } from './incident-timeline.ts';
import type { Random } from './random.ts';
import type { TownSeat } from './zhuji-towns.ts';

/** Background incidents at size 1, over the two years before `now`. */
export const INCIDENTS_AT_FULL_SIZE = 60_000;
export const INCIDENT_WINDOW_DAYS = 730;
/** Share of incidents reported at a household's door (householdId set); the rest within OFFSET_M of one. */
export const AT_HOUSEHOLD_SHARE = 0.6;
export const OFFSET_M = 50;

/** Kind mix before local factors: neighbour disputes most common, then family, land, property, debt … */
export const KIND_SHARE: Record<IncidentKind, number> = {
  neighbour: 0.26, family: 0.17, land: 0.12, property: 0.1, debt: 0.09,
  labour: 0.05, traffic: 0.07, commercial: 0.05, medical: 0.03, petition: 0.03,
};
/** Property disputes belong to apartment blocks, land and homestead ones to villages. */
const URBAN_FACTOR: Partial<Record<IncidentKind, number>> = { property: 2.2, land: 0.15, commercial: 1.5 };
const RURAL_FACTOR: Partial<Record<IncidentKind, number>> = { property: 0.25, land: 1.6, commercial: 0.7 };

/** Monthly factor (month 0 = January, local time) per kind: Spring Festival, building season, year end. */
function seasonFactor(kind: IncidentKind, month: number): number {
  switch (kind) {
    case 'family':
    case 'debt':
      return month <= 1 ? 1.8 : month === 11 ? 1.3 : 1;
    case 'neighbour':
    case 'land':
      return month >= 2 && month <= 7 ? 1.4 : 0.8;
    case 'labour':
      return month === 10 ? 1.5 : month === 11 ? 1.9 : month === 0 ? 1.6 : 0.9;
    case 'traffic':
      return month === 1 ? 1.2 : 1;
    default:
      return 1;
  }
}
const MAX_SEASON_FACTOR = 1.9;
/** Reports by local hour of day: office hours and evenings. */
const HOUR_FACTOR = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 1, 1, 1, 0.9, 0.7, 0.9, 1, 1, 1, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2];
const LOCAL_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, no daylight saving

/** What every incident maker needs: the county and the points cases are handed to. */
export interface IncidentContext {
  mesh: CellMesh;
  hierarchy: AreaHierarchy;
  households: HouseholdRecord[];
  householdsOfCell: Int32Array;
  points: MediationPointRecord[];
  seats: readonly TownSeat[];
  now: number;
  random: Random;
}

/** `count` background incidents at random households (so denser places have more). */
export function backgroundIncidents(ctx: IncidentContext, count: number): DraftIncident[] {
  const { random, households, hierarchy, mesh } = ctx;
  const urbanGrid = new Map(hierarchy.grids.map((g) => [g.areaId, hierarchy.communities[g.community].urban]));
  const incidents: DraftIncident[] = [];
  for (let i = 0; i < count; i++) {
    const home = households[random.int(households.length)];
    let lon = home.lon, lat = home.lat, householdId: number | null = home.id, gridId = home.gridId;
    if (!random.chance(AT_HOUSEHOLD_SHARE)) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const [x, y] = offsetPoint(home.lon, home.lat, OFFSET_M, random);
        const cell = locateCell(mesh, x, y);
        if (cell < 0) continue;
        (lon = x), (lat = y), (householdId = null), (gridId = hierarchy.grids[hierarchy.gridOf[cell]].areaId);
        break;
      }
    }
    const urban = urbanGrid.get(home.gridId) ?? false;
    const pull = industrialPull(lon, lat, ctx.seats);
    const weights = INCIDENT_KINDS.map(
      (k) => KIND_SHARE[k] * ((urban ? URBAN_FACTOR : RURAL_FACTOR)[k] ?? 1) * (k === 'labour' ? 1 + pull : 1),
    );
    const kind = INCIDENT_KINDS[random.weightedIndex(weights)];
    const reportedAt = seasonalTime(kind, ctx.now - INCIDENT_WINDOW_DAYS * DAY_MS, ctx.now, random);
    incidents.push(makeIncident(ctx, kind, lon, lat, gridId, householdId, reportedAt));
  }
  return incidents;
}

/** A report time in [from, to) following the kind's season and the hours people report at. */
export function seasonalTime(kind: IncidentKind, from: number, to: number, random: Random): number {
  for (;;) {
    const t = random.range(from, to);
    const local = new Date(t + LOCAL_OFFSET_MS);
    const weight = seasonFactor(kind, local.getUTCMonth()) * HOUR_FACTOR[local.getUTCHours()];
    if (random.next() * MAX_SEASON_FACTOR < weight) return Math.floor(t);
  }
}

/** A point uniformly within `radiusM` metres of (lon, lat). */
export function offsetPoint(lon: number, lat: number, radiusM: number, random: Random): [number, number] {
  const r = radiusM * Math.sqrt(random.next());
  const a = 2 * Math.PI * random.next();
  return [lon + (r * Math.cos(a)) / metresPerDegreeLon(lat), lat + (r * Math.sin(a)) / METRES_PER_DEGREE_LAT];
}

/** An incident before it has an id, with its timeline's events before they have ids. */
export type DraftIncident = Omit<IncidentRecord, 'id'> & { events: Omit<IncidentEventRecord, 'id' | 'incidentId'>[] };

/** Who records each step in the demo: the desk of the level handling the case. */
const DESK_BY_LEVEL: Record<AreaLevel, string> = {
  grid: '网格员',
  community: '村（社区）调委会',
  town: '镇（街道）综治中心',
  county: '市综治中心',
};
const ESCALATION_REASON = '案情复杂，超出本级调处能力，报请上级协调';

/** One incident at a place and time, its handling simulated up to `now`. */
export function makeIncident(
  ctx: IncidentContext, kind: IncidentKind, lon: number, lat: number, gridId: number,
  householdId: number | null, reportedAt: number,
): DraftIncident {
  const t = simulateTimeline(kind, reportedAt, ctx.now, ctx.random);
  const point = t.assigned ? handlingPoint(ctx.points, kind, t.level, lon, lat) : null;
  const assignee = point ? `${point.name}调解员` : null;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const events = t.steps.map((step, i) => {
    const before = i > 0 ? t.steps[i - 1] : null;
    return {
      kind: step.kind,
      actor: DESK_BY_LEVEL[before?.level ?? step.level],
      at: new Date(step.at).toISOString(),
      note: '',
      fromStatus: before?.status ?? null,
      toStatus: step.status,
      fromLevel: before?.level ?? null,
      toLevel: step.level,
      mediationPointId: step.kind === 'assign' && point ? point.id : null,
      assignee: step.kind === 'assign' ? assignee : null,
      referredTo: step.kind === 'refer' ? t.referredTo : null,
      reason: step.kind === 'escalate' ? ESCALATION_REASON : null,
    };
  });
  return {
    kind, status: t.status, severity: t.severity, source: t.source, level: t.level, originLevel: t.originLevel,
    description: describeIncident(kind, ctx.random), lon, lat, gridId, householdId,
    mediationPointId: point ? point.id : null, assignee, referredTo: t.referredTo,
    reportedAt: new Date(reportedAt).toISOString(), deadlineAt: new Date(t.deadlineAt).toISOString(),
    resolvedAt: iso(t.resolvedAt), closedAt: iso(t.closedAt), events,
  };
}

/** Levels of mediation point that handle a case at each level (grid cases go to village committees). */
const POINT_LEVELS: Record<AreaLevel, AreaLevel[]> = {
  grid: ['community', 'town'],
  community: ['community', 'town'],
  town: ['town'],
  county: ['county'],
};

/**
 * The nearest point at a fitting level that takes the kind; at the county a specialised committee
 * for the kind comes first. Every town centre takes every kind, so there always is one.
 */
function handlingPoint(points: MediationPointRecord[], kind: IncidentKind, level: AreaLevel, lon: number, lat: number): MediationPointRecord | null {
  const levels = POINT_LEVELS[level];
  let best: MediationPointRecord | null = null;
  let bestD = Infinity;
  for (const p of points) {
    if (!levels.includes(p.level) || !p.disputeKinds.includes(kind)) continue;
    const d = distanceMetres(lon, lat, p.lon, p.lat) * (p.kind === 'specialised' ? 0.1 : 1);
    if (d < bestD) (bestD = d), (best = p);
  }
  return best;
}
