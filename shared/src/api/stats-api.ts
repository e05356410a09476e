import { z } from 'zod';
import { AREA_LEVELS, areaTreeLevelSchema } from '../areas/area-level.ts';
import { FIGURES } from '../figures/area-figures.ts';
import { INCIDENT_KINDS, INCIDENT_SOURCES, INCIDENT_STATUSES } from '../incidents/incident-catalogue.ts';

/** Days in the default period of the figures when `from` is not given: the year up to `to`. */
export const DEFAULT_STATS_PERIOD_DAYS = 365;

export const figureSchema = z.enum(FIGURES);

const figureValue = z.number().nullable();
/** Every figure of one area and period (see shared/src/figures/area-figures.ts). */
export const areaFiguresSchema = z.object(Object.fromEntries(FIGURES.map((f) => [f, figureValue])) as Record<(typeof FIGURES)[number], typeof figureValue>);

/** County days, both inclusive, and their number. */
export const statsPeriodSchema = z.object({ from: z.string(), to: z.string(), days: z.number().int() });
export type StatsPeriod = z.infer<typeof statsPeriodSchema>;

const countsBy = <T extends readonly [string, ...string[]]>(values: T) => z.partialRecord(z.enum(values), z.number().int());

/** One month (county time) of an area's incidents reported in the period. */
export const monthlyPointSchema = z.object({
  /** 'YYYY-MM' of the county's calendar. */
  month: z.string(),
  reported: z.number().int(),
  resolved: z.number().int(),
  open: z.number().int(),
});
export type MonthlyPoint = z.infer<typeof monthlyPointSchema>;

const areaRefSchema = z.object({ id: z.number(), name: z.string(), level: areaTreeLevelSchema, households: z.number().int() });

/** `GET /api/areas/:id/stats?from=&to=`: the figures of an area, with the previous period and its siblings. */
export const areaStatsSchema = z.object({
  area: areaRefSchema.extend({ parentId: z.number().nullable() }),
  period: statsPeriodSchema,
  /** The same number of days just before `period`. */
  previousPeriod: statsPeriodSchema,
  figures: areaFiguresSchema,
  previous: areaFiguresSchema,
  /** The areas with the same parent, this one included, over the same period; empty for the county. */
  siblings: z.array(areaRefSchema.extend({ figures: areaFiguresSchema })),
  /** Every month the period touches, oldest first. */
  monthly: z.array(monthlyPointSchema),
  byKind: countsBy(INCIDENT_KINDS),
  bySource: countsBy(INCIDENT_SOURCES),
  /** By the level handling the case now. */
  byLevel: countsBy(AREA_LEVELS),
  byStatus: countsBy(INCIDENT_STATUSES),
});
export type AreaStats = z.infer<typeof areaStatsSchema>;

/** `GET /api/areas/:id/children/stats?figure=&from=&to=`: one figure (and all) of each child, for a choropleth. */
export const childrenStatsSchema = z.object({
  figure: figureSchema,
  period: statsPeriodSchema,
  /** The level of the children, null for a grid (it has none). */
  childLevel: areaTreeLevelSchema.nullable(),
  children: z.array(areaRefSchema.extend({ value: z.number().nullable(), figures: areaFiguresSchema })),
});
export type ChildrenStats = z.infer<typeof childrenStatsSchema>;
