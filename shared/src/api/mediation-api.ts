import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { INCIDENT_KINDS, incidentKindSchema } from '../incidents/incident-catalogue.ts';
import { mediationKindSchema } from '../mediation/mediation-catalogue.ts';
import { wellFormedHoursSchema } from '../mediation/opening-hours-schema.ts';
import { pointSchema } from './geojson-schemas.ts';
import { mediationPointPropertiesSchema } from './points-api.ts';

/** Most candidates one nearest query returns (`k`). */
export const MAX_NEAREST_K = 50;
/** Candidates returned when `k` is not given. */
export const DEFAULT_NEAREST_K = 5;

/** A nearest candidate: the point's properties with its great-circle distance from the place. */
export const nearestMediationPropertiesSchema = mediationPointPropertiesSchema.extend({
  /** Haversine distance from the queried place, metres. */
  distanceM: z.number(),
});
export type NearestMediationProperties = z.infer<typeof nearestMediationPropertiesSchema>;

/**
 * `GET /api/mediation-points/nearest` and `GET /api/incidents/:id/nearest-mediation`: the
 * candidates nearest first (ties by id), with the question as it was read.
 */
export const nearestMediationCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.number(), geometry: pointSchema, properties: nearestMediationPropertiesSchema })),
  numberReturned: z.number().int(),
  query: z.object({
    lon: z.number(),
    lat: z.number(),
    k: z.number().int(),
    disputeKind: incidentKindSchema.nullable(),
    openAt: z.string().nullable(),
    level: areaLevelSchema.nullable(),
    /** The incident the place and kind came from, for the incident route. */
    incidentId: z.number().nullable(),
  }),
});
export type NearestMediationCollection = z.infer<typeof nearestMediationCollectionSchema>;

const longitude = z.number().finite().min(-180).max(180);
const latitude = z.number().finite().min(-90).max(90);
const disputeKinds = z
  .array(incidentKindSchema)
  .min(1)
  .refine((kinds) => new Set(kinds).size === kinds.length, { message: 'a dispute kind is listed twice' });

/** Most mediators a point may list; more is a typo. */
export const MAX_MEDIATORS = 200;

/**
 * `POST /api/mediation-points`: a new point. Its level is the level of the area it serves
 * (`areaId`), and it must lie inside the county.
 */
export const mediationPointCreateSchema = z.strictObject({
  kind: mediationKindSchema,
  areaId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  lon: longitude,
  lat: latitude,
  address: z.string().trim().min(1).max(200),
  hours: wellFormedHoursSchema,
  disputeKinds,
  mediators: z.number().int().min(0).max(MAX_MEDIATORS),
  phone: z.string().trim().min(1).max(40),
});
export type MediationPointCreate = z.infer<typeof mediationPointCreateSchema>;

/** `PATCH /api/mediation-points/:id`: any fields to change; `closed: true` closes the point, `false` reopens it. */
export const mediationPointPatchSchema = mediationPointCreateSchema
  .partial()
  .extend({ closed: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change: give at least one field' });
export type MediationPointPatch = z.infer<typeof mediationPointPatchSchema>;

/** Coverage figures of one area: households, and per dispute kind those farther than the distance from any point taking it. */
export const areaCoverageSchema = z.object({
  areaId: z.number(),
  level: areaLevelSchema,
  name: z.string(),
  households: z.number().int(),
  // Only the kinds asked for (all when none was).
  uncovered: z.partialRecord(incidentKindSchema, z.number().int()),
});
export type AreaCoverageFigures = z.infer<typeof areaCoverageSchema>;

/** `GET /api/coverage`. */
export const coverageSchema = z.object({
  distanceM: z.number(),
  kinds: z.array(incidentKindSchema),
  areas: z.array(areaCoverageSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** `GET /api/coverage/suggestions`: where new points would cover the most uncovered households. */
export const coverageSuggestionsSchema = z.object({
  disputeKind: incidentKindSchema,
  distanceM: z.number(),
  /** Households farther than the distance from any point taking the kind, before the suggestions. */
  uncoveredBefore: z.number().int(),
  suggestions: z.array(
    z.object({
      rank: z.number().int(),
      /** The community whose centre (label point) is the candidate place. */
      areaId: z.number(),
      name: z.string(),
      lon: z.number(),
      lat: z.number(),
      /** Households this place newly covers (none of an earlier suggestion's), ids ascending. */
      householdIds: z.array(z.number()),
    }),
  ),
});
export type CoverageSuggestions = z.infer<typeof coverageSuggestionsSchema>;

/** The coverage distance a client may ask for, metres. */
export const MIN_COVERAGE_DISTANCE_M = 100;
export const MAX_COVERAGE_DISTANCE_M = 50_000;
/** Most new places one suggestion request may ask for. */
export const MAX_SUGGESTIONS = 20;

