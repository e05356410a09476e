import { z } from 'zod';

/** What an import or export carries: one layer of GridMap's data. */
export const IMPORT_LAYERS = ['areas', 'households', 'mediation_points', 'incidents'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];
export const importLayerSchema = z.enum(IMPORT_LAYERS);

/** A GridMap field a source column can be mapped to; `required` rows are rejected without it. */
export interface ImportField {
  field: string;
  required: boolean;
}

/**
 * The GridMap fields of each layer, in the order the mapping form shows them. Positions of points
 * come from the source's point geometry, else from the `lon`/`lat` columns; areas take their
 * polygons from the geometry. `externalId` is the source's own id of a row: a later import with
 * the same id updates the row instead of adding another one.
 */
export const IMPORT_FIELDS: Record<ImportLayer, readonly ImportField[]> = {
  areas: [
    { field: 'code', required: true },
    { field: 'name', required: true },
    { field: 'parentCode', required: false }, // required below the county; checked per row
  ],
  households: [
    { field: 'lon', required: false },
    { field: 'lat', required: false },
    { field: 'address', required: true },
    { field: 'size', required: true },
    { field: 'tags', required: false },
    { field: 'headName', required: false },
    { field: 'phone', required: false },
    { field: 'externalId', required: false },
  ],
  mediation_points: [
    { field: 'lon', required: false },
    { field: 'lat', required: false },
    { field: 'name', required: true },
    { field: 'kind', required: true },
    { field: 'areaCode', required: false },
    { field: 'level', required: false },
    { field: 'address', required: false },
    { field: 'mediators', required: false },
    { field: 'phone', required: false },
    { field: 'disputeKinds', required: false },
    { field: 'externalId', required: false },
  ],
  incidents: [
    { field: 'lon', required: false },
    { field: 'lat', required: false },
    { field: 'kind', required: true },
    { field: 'reportedAt', required: true },
    { field: 'description', required: false },
    { field: 'status', required: false },
    { field: 'severity', required: false },
    { field: 'source', required: false },
    { field: 'level', required: false },
    { field: 'deadlineAt', required: false },
    { field: 'resolvedAt', required: false },
    { field: 'closedAt', required: false },
    { field: 'externalId', required: false },
  ],
};

/** True for layers whose rows are points (everything but areas). */
export function isPointLayer(layer: ImportLayer): boolean {
  return layer !== 'areas';
}
