import type { NearestMediationCollection } from '@gridmap/shared';
import type { NearestMediationQuery } from '@gridmap/shared/mediation/mediation-point-index';
import type { MediationPointRow } from '../db/mediation-points-sql.ts';

/** The nearest answer as GeoJSON: candidates nearest first, each with its exact distance (m), and the question read. */
export function nearestCollection(
  found: { point: MediationPointRow; distanceM: number }[],
  q: NearestMediationQuery,
  incidentId: number | null,
): NearestMediationCollection {
  return {
    type: 'FeatureCollection',
    features: found.map(({ point: { lon, lat, ...properties }, distanceM }) => ({
      type: 'Feature',
      id: properties.id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { ...properties, distanceM },
    })),
    numberReturned: found.length,
    query: {
      lon: q.lon,
      lat: q.lat,
      k: q.k,
      disputeKind: q.disputeKind ?? null,
      openAt: q.openAt === undefined ? null : new Date(q.openAt).toISOString(),
      level: q.level ?? null,
      incidentId,
    },
  };
}
