import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { incidentKindSchema, incidentStatusSchema } from '../incidents/incident-catalogue.ts';
import { pointSchema, polygonSchema, multiPolygonSchema } from './geojson-schemas.ts';

/** Units Gi* counts incidents in: H3 hexagons, or the grids (网格) themselves. */
export const HOTSPOT_UNITS = ['hex', 'grid'] as const;
export type HotspotUnit = (typeof HOTSPOT_UNITS)[number];

/** The weights of a Gi* answer, in words a reader can redo the sums with (see gi-star.ts). */
export const giStarWeightsSchema = z.object({
  scheme: z.literal('binary'),
  neighbourhood: z.enum(['k-ring', 'shared-edge']),
  k: z.number().int().optional(),
  includesSelf: z.literal(true),
  rowStandardised: z.literal(false),
});

export const hotspotCellPropertiesSchema = z.object({
  /** The H3 index of a hexagon, or the grid's area id in decimal. */
  cell: z.string(),
  /** The grid's name (unit grid only). */
  name: z.string().optional(),
  count: z.number().int(),
  z: z.number(),
  /** Two-sided p-value of z (normal approximation). */
  p: z.number(),
  /** Benjamini–Hochberg q-value over all cells of the answer. */
  q: z.number(),
  /** −3..3: cold 99/95/90 %, none, hot 90/95/99 %; judged by q when `fdr`, else by p. */
  bin: z.number().int().min(-3).max(3),
});
export type HotspotCellProperties = z.infer<typeof hotspotCellPropertiesSchema>;

/**
 * `GET /api/hotspots`: every cell of the study area (zero cells too), as GeoJSON polygons; with
 * `cells=significant` only those of bin ≠ 0, the figures (`cellCount`, mean, q) still over all.
 */
export const hotspotCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.number(),
      geometry: z.union([polygonSchema, multiPolygonSchema]),
      properties: hotspotCellPropertiesSchema,
    }),
  ),
  unit: z.enum(HOTSPOT_UNITS),
  /** H3 resolution of the hexagons; null for grids. */
  resolution: z.number().int().nullable(),
  /** The window, as ISO instants (start inclusive, end exclusive); null when open. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  kinds: z.array(incidentKindSchema).nullable(),
  fdr: z.boolean(),
  weights: giStarWeightsSchema,
  cellCount: z.number().int(),
  incidentCount: z.number().int(),
  /** Mean and population standard deviation of the counts per cell. */
  mean: z.number(),
  sd: z.number(),
});
export type HotspotCollection = z.infer<typeof hotspotCollectionSchema>;

/**
 * `GET /api/heat`: every incident as a point with what the heat map filters and weighs by:
 * `week` (county week number, see countyWeekNumber), kind, status, handling level, severity.
 */
export const heatCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: pointSchema,
      properties: z.object({
        week: z.number().int(),
        kind: incidentKindSchema,
        status: incidentStatusSchema,
        level: areaLevelSchema,
        severity: z.number().int(),
      }),
    }),
  ),
  /** County weeks of the oldest incident and of the server's now: the playback range. */
  firstWeek: z.number().int(),
  nowWeek: z.number().int(),
});
export type HeatCollection = z.infer<typeof heatCollectionSchema>;

export const WARNING_TYPES = ['rising_area', 'emerging_hotspot', 'repeat_address', 'near_deadline'] as const;

export const warningSchema = z.object({
  id: z.string(),
  type: z.enum(WARNING_TYPES),
  at: z.string(),
  gridId: z.number(),
  gridName: z.string(),
  /** Town › community › grid, for the list. */
  place: z.string(),
  householdId: z.number().nullable(),
  address: z.string().nullable(),
  /** Where the map goes: the grid's label point, the household or the case. */
  lon: z.number(),
  lat: z.number(),
  incidentIds: z.array(z.number()),
  /** The numbers the reason is worded from (per type; see early-warnings.ts). */
  figures: z.record(z.string(), z.number()),
});
export type Warning = z.infer<typeof warningSchema>;

/** `GET /api/warnings`: newest first, with the thresholds the rules used. */
export const warningListSchema = z.object({
  generatedAt: z.string(),
  thresholds: z.record(z.string(), z.number()),
  warnings: z.array(warningSchema),
});
export type WarningList = z.infer<typeof warningListSchema>;
