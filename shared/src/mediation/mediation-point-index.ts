import type { AreaLevel } from '../areas/area-level.ts';
import { buildGeoIndex, nearestNeighbours, nearestOne, type GeoIndex } from '../geo/geo-index.ts';
import { AREA_LEVELS } from '../areas/area-level.ts';
import { INCIDENT_KINDS, type IncidentKind } from '../incidents/incident-catalogue.ts';
import type { OpeningPeriod } from './mediation-catalogue.ts';
import { isOpenAt } from './open-at.ts';

/** What the nearest search reads of a mediation point. */
export interface IndexedMediationPoint {
  id: number;
  lon: number;
  lat: number;
  level: AreaLevel;
  hours: OpeningPeriod[];
  disputeKinds: IncidentKind[];
}

/**
 * Mediation points indexed for "the nearest that can take this dispute": one KD-tree per
 * combination of dispute kind and level (either may be any), so that these filters, which may
 * leave few candidates (medical disputes go to a handful of rooms), cost no more than none: a
 * filter that rejects most points would otherwise walk the whole tree to find k that pass.
 * Opening hours change with the clock and stay a test on each candidate.
 */
export interface MediationPointIndex<P extends IndexedMediationPoint> {
  points: P[];
  /**
   * By dispute kind, then by level (ANY: either unfiltered). Two lookups of strings the caller
   * already holds, not one of a key built per query: the key's concatenation and hashing cost
   * as much as the province's whole nearest search (scripts/bench/province/nearest.ts).
   */
  trees: Map<IncidentKind | typeof ANY, Map<AreaLevel | typeof ANY, { index: GeoIndex; points: P[] }>>;
  /** `trees`' entry for no filter at all, the question asked most. */
  all: { index: GeoIndex; points: P[] };
}

/** The key of "no filter" in `trees`. */
const ANY = '*';

/** A nearest-mediation question; filters apply when given. */
export interface NearestMediationQuery {
  lon: number;
  lat: number;
  /** How many points to return at most. */
  k: number;
  /** Only points that take this kind of dispute. */
  disputeKind?: IncidentKind;
  /** Only points open at this instant (ms since the epoch; hours read on the county clock). */
  openAt?: number;
  /** Only points of this level. */
  level?: AreaLevel;
}

/** Builds the indexes of `points` (a few hundred in a county: well under a millisecond, so writes rebuild). */
export function buildMediationPointIndex<P extends IndexedMediationPoint>(points: readonly P[]): MediationPointIndex<P> {
  const trees: MediationPointIndex<P>['trees'] = new Map();
  for (const kind of [ANY, ...INCIDENT_KINDS] as const) {
    const byLevel = new Map<AreaLevel | typeof ANY, { index: GeoIndex; points: P[] }>();
    for (const level of [ANY, ...AREA_LEVELS] as const) {
      const subset = points.filter((p) => (kind === ANY || p.disputeKinds.includes(kind)) && (level === ANY || p.level === level));
      byLevel.set(level, { index: buildGeoIndex(subset), points: subset });
    }
    trees.set(kind, byLevel);
  }
  return { points: [...points], trees, all: trees.get(ANY)!.get(ANY)! };
}

/**
 * The `k` points nearest to the query by great-circle distance that pass its filters, nearest
 * first, ties by id, each with its distance in metres; fewer when fewer pass.
 */
export function nearestMediationPoints<P extends IndexedMediationPoint>(
  index: MediationPointIndex<P>,
  query: NearestMediationQuery,
): { point: P; distanceM: number }[] {
  const { disputeKind, level } = query;
  const { index: geo, points } = disputeKind === undefined && level === undefined ? index.all : index.trees.get(disputeKind ?? ANY)!.get(level ?? ANY)!;
  const { openAt } = query;
  if (query.k === 1 && openAt === undefined) {
    // The common question (the one nearest point that takes the kind) has a queue-free path.
    const one = nearestOne(geo, query.lon, query.lat);
    return one ? [{ point: points[one.index], distanceM: one.distanceM }] : [];
  }
  const accept = openAt === undefined ? undefined : (i: number) => isOpenAt(points[i].hours, openAt);
  return nearestNeighbours(geo, query.lon, query.lat, query.k, accept).map((n) => ({ point: points[n.index], distanceM: n.distanceM }));
}
