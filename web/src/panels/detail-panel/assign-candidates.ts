import type { IncidentKind } from '@gridmap/shared';
import { distanceMetres } from '@gridmap/shared/geo/metres';
import type { MediationPointFeature } from '../../api/points-api.ts';

/** A mediation point the case could go to, with its distance from the case in metres. */
export interface AssignCandidate {
  point: MediationPointFeature;
  distanceM: number;
}

/**
 * The points that take disputes of `kind`, nearest first (ties by id): a case goes to a room
 * that can take it, near the people involved (就地解决).
 */
export function assignCandidates(points: readonly MediationPointFeature[], kind: IncidentKind, [lon, lat]: readonly number[]): AssignCandidate[] {
  return points
    .filter((point) => point.properties.disputeKinds.includes(kind))
    .map((point) => ({ point, distanceM: distanceMetres(lon, lat, point.geometry.coordinates[0], point.geometry.coordinates[1]) }))
    .sort((a, b) => a.distanceM - b.distanceM || a.point.id - b.point.id);
}
