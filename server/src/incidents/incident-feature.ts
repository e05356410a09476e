import type { IncidentProperties } from '@gridmap/shared';
import type { IncidentRow } from '../db/incidents-sql.ts';
import { pointFeature } from '../http/feature-collection.ts';

/** Everything but the position, which is the geometry. */
export function incidentProperties({ lon, lat, ...properties }: IncidentRow): IncidentProperties {
  return properties;
}

/** An incident as the GeoJSON Feature that lists, the live stream and writes answer with. */
export function incidentFeature(row: IncidentRow) {
  return pointFeature(row, incidentProperties);
}
