import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { incidentStatusSchema } from '../incidents/incident-catalogue.ts';
import { staffRoleSchema } from '../staff/staff-roles.ts';
import { featureCollectionSchema, multiPolygonSchema, polygonSchema } from './geojson-schemas.ts';

/** Properties of an area feature in `GET /api/areas`. */
export const areaPropertiesSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: areaLevelSchema,
  parentId: z.number().nullable(),
  households: z.number().int(),
  residents: z.number().int(),
  /** Incidents in an open status (OPEN_STATUSES) inside the area. */
  openIncidents: z.number().int(),
  /** Staff assigned to grids inside the area. */
  staff: z.number().int(),
  labelLon: z.number(),
  labelLat: z.number(),
});
export type AreaProperties = z.infer<typeof areaPropertiesSchema>;

export const areaGeometrySchema = z.union([polygonSchema, multiPolygonSchema]);
export const areaCollectionSchema = featureCollectionSchema(areaGeometrySchema, areaPropertiesSchema);
export type AreaCollection = z.infer<typeof areaCollectionSchema>;

/** `GET /api/areas/:id`: one area with its figures, ancestors (for a breadcrumb) and children count. */
export const areaDetailSchema = z.object({
  type: z.literal('Feature'),
  id: z.number(),
  geometry: areaGeometrySchema,
  properties: areaPropertiesSchema.extend({
    /** Ancestors from the county down to the parent. */
    path: z.array(z.object({ id: z.number(), name: z.string(), level: areaLevelSchema })),
    children: z.number().int(),
    incidents: z.number().int(),
    incidentsByStatus: z.partialRecord(incidentStatusSchema, z.number().int()),
    overdueIncidents: z.number().int(),
    /** Null when 1–4 and the role only reads: small enough to single out a household (withheld, shown as '<5'). */
    keyGroupHouseholds: z.number().int().nullable(),
    staffByRole: z.partialRecord(staffRoleSchema, z.number().int()),
    mediationPoints: z.number().int(),
    /** Households per grid worker, null where there are none. */
    householdsPerGridWorker: z.number().nullable(),
  }),
});
export type AreaDetail = z.infer<typeof areaDetailSchema>;
