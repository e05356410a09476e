import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { householdTagSchema } from '../households/household-tags.ts';
import {
  incidentKindSchema,
  incidentSourceSchema,
  incidentStatusSchema,
} from '../incidents/incident-catalogue.ts';
import { mediationKindSchema, openingPeriodSchema } from '../mediation/mediation-catalogue.ts';
import { featureCollectionSchema, featureSchema, pointSchema } from './geojson-schemas.ts';

/** Household properties. Names and phones are masked (张**, 138****1234) until roles land. */
export const householdPropertiesSchema = z.object({
  id: z.number(),
  gridId: z.number(),
  address: z.string(),
  size: z.number().int(),
  tags: z.array(householdTagSchema),
  headName: z.string(),
  phone: z.string(),
});
export const householdCollectionSchema = featureCollectionSchema(pointSchema, householdPropertiesSchema);
/** `GET /api/households/:id`. */
export const householdFeatureSchema = featureSchema(pointSchema, householdPropertiesSchema);

export const incidentPropertiesSchema = z.object({
  id: z.number(),
  kind: incidentKindSchema,
  status: incidentStatusSchema,
  severity: z.number().int(),
  source: incidentSourceSchema,
  level: areaLevelSchema,
  originLevel: areaLevelSchema,
  description: z.string(),
  gridId: z.number(),
  householdId: z.number().nullable(),
  mediationPointId: z.number().nullable(),
  referredTo: z.string().nullable(),
  reportedAt: z.string(),
  deadlineAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Open and past its deadline at the time of the request. */
  overdue: z.boolean(),
  /** The person handling it at its mediation point, once assigned. */
  assignee: z.string().nullable(),
  /** Goes up by one with every change; a transition names the version it was made against. */
  version: z.number().int(),
});
export type IncidentProperties = z.infer<typeof incidentPropertiesSchema>;
export const incidentCollectionSchema = featureCollectionSchema(pointSchema, incidentPropertiesSchema);
/** `GET /api/incidents/:id`. */
export const incidentFeatureSchema = featureSchema(pointSchema, incidentPropertiesSchema);

export const mediationPointPropertiesSchema = z.object({
  id: z.number(),
  kind: mediationKindSchema,
  level: areaLevelSchema,
  areaId: z.number(),
  name: z.string(),
  address: z.string(),
  hours: z.array(openingPeriodSchema),
  disputeKinds: z.array(incidentKindSchema),
  mediators: z.number().int(),
  phone: z.string(),
  /** When the point was closed (ISO); a closed point is left out of lists, nearest and coverage. */
  closedAt: z.string().nullable(),
});
export type MediationPointProperties = z.infer<typeof mediationPointPropertiesSchema>;
export const mediationPointCollectionSchema = featureCollectionSchema(pointSchema, mediationPointPropertiesSchema);
/** `GET /api/mediation-points/:id`. */
export const mediationPointFeatureSchema = featureSchema(pointSchema, mediationPointPropertiesSchema);

/** `GET /api/health`. */
export const healthSchema = z.object({
  ok: z.boolean(),
  /** The server's clock (ISO), so that clients count deadlines against the same time as `overdue`. */
  serverTime: z.string(),
  demo: z.boolean(),
  county: z.object({ name: z.string(), code: z.string() }),
  /** Rows inside the caller's area; only with a session. */
  counts: z.object({
    areas: z.number().int(),
    households: z.number().int(),
    staff: z.number().int(),
    mediationPoints: z.number().int(),
    incidents: z.number().int(),
  }).optional(),
});
export type Health = z.infer<typeof healthSchema>;
