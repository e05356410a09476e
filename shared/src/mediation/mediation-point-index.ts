import type { AreaLevel } from '../areas/area-level.ts';
import { buildGeoIndex, nearestNeighbours, type GeoIndex } from '../geo/geo-index.ts';
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
 * Mediation points indexed for "the nearest that can take this dispute": one KD-tree over all
 * points and one per dispute kind, so that a kind filter (the common case, and the one that
 * leaves few candidates: medical disputes go to a handful of rooms) costs no more than no filter.
 */
export interface MediationPointIndex<P extends IndexedMediationPoint> {
  points: P[];
  all: GeoIndex;
  byKind: Map<IncidentKind, { index: GeoIndex; points: P[] }>;
}

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

/** Builds the indexes of `points` (a few hundred in a county: microseconds, so writes rebuild). */
export function buildMediationPointIndex<P extends IndexedMediationPoint>(points: readonly P[]): MediationPointIndex<P> {
  const byKind = new Map<IncidentKind, { index: GeoIndex; points: P[] }>();
  for (const kind of INCIDENT_KINDS) {
    const taking = points.filter((p) => p.disputeKinds.includes(kind));
    byKind.set(kind, { index: buildGeoIndex(taking), points: taking });
  }
  return { points: [...points], all: buildGeoIndex(points), byKind };
}

/**
 * The `k` points nearest to the query by great-circle distance that pass its filters, nearest
 * first, ties by id, each with its distance in metres; fewer when fewer pass.
 */
export function nearestMediationPoints<P extends IndexedMediationPoint>(
  index: MediationPointIndex<P>,
  query: NearestMediationQuery,
): { point: P; distanceM: number }[] {
  const { index: geo, points } = query.disputeKind === undefined
    ? { index: index.all, points: index.points }
    : (index.byKind.get(query.disputeKind) as { index: GeoIndex; points: P[] });
  const { openAt, level } = query;
  const accept = openAt === undefined && level === undefined
    ? undefined
    : (i: number) => (level === undefined || points[i].level === level) && (openAt === undefined || isOpenAt(points[i].hours, openAt));
  return nearestNeighbours(geo, query.lon, query.lat, query.k, accept).map((n) => ({ point: points[n.index], distanceM: n.distanceM }));
}
