import { z } from 'zod';
import { staffRoleSchema } from '../staff/staff-roles.ts';
import { PARTITION_PROBLEM_KINDS } from '../plans/validate-partition.ts';
import { areaGeometrySchema } from './areas-api.ts';
import { featureCollectionSchema } from './geojson-schemas.ts';
import { countVertices, MAX_GRID_VERTICES, MAX_PLAN_VERTICES } from '../geo/vertex-limits.ts';

/** Most grids one plan may hold (a community has a few dozen at most). */
export const MAX_PLAN_GRIDS = 300;

/** One grid of a plan: an existing grid's id, or a negative id for a grid the plan creates. */
export const planGridSchema = z.object({
  id: z.number().int().refine((id) => id !== 0, 'a grid id is positive (existing) or negative (new)'),
  name: z.string().trim().min(1).max(60).optional(),
  geometry: areaGeometrySchema,
});
export type PlanGrid = z.infer<typeof planGridSchema>;

const uniqueIds = (grids: PlanGrid[]) => new Set(grids.map((g) => g.id)).size === grids.length;

/**
 * RFC 7946's rings: a polygon has at least its outer ring, and a ring at least 4 positions, the
 * last the same as the first. The impact's point-in-polygon and the partition checks rely on it.
 */
function checkRings(geometry: PlanGrid['geometry'], ctx: z.RefinementCtx): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const at = (p: number) => (geometry.type === 'Polygon' ? ['coordinates'] : ['coordinates', p]);
  if (polygons.length === 0) ctx.addIssue({ code: 'custom', path: ['coordinates'], message: 'a MultiPolygon needs at least one polygon' });
  polygons.forEach((rings, p) => {
    if (rings.length === 0) ctx.addIssue({ code: 'custom', path: at(p), message: 'a polygon needs at least its outer ring' });
    rings.forEach((ring, r) => {
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (ring.length < 4) ctx.addIssue({ code: 'custom', path: [...at(p), r], message: `a ring has ${ring.length} positions; a closed ring needs at least 4` });
      else if (first[0] !== last[0] || first[1] !== last[1]) ctx.addIssue({ code: 'custom', path: [...at(p), r], message: `a ring is not closed: it starts at (${first}) and ends at (${last})` });
    });
  });
}

/** A grid as a request sends it: well-formed rings, within MAX_GRID_VERTICES (answers stay unbounded). */
const planGridInputSchema = planGridSchema.extend({
  geometry: areaGeometrySchema
    .refine((g) => countVertices(g) <= MAX_GRID_VERTICES, {
      error: (issue) => `the grid has ${countVertices(issue.input as PlanGrid['geometry'])} vertices, more than ${MAX_GRID_VERTICES}`,
      abort: true,
    })
    .superRefine(checkRings),
});

const planGridsInputSchema = z
  .array(planGridInputSchema)
  .min(1)
  .max(MAX_PLAN_GRIDS)
  .refine(uniqueIds, 'grid ids must be unique')
  .refine((grids) => grids.reduce((n, g) => n + countVertices(g.geometry), 0) <= MAX_PLAN_VERTICES, {
    error: (issue) => `the grids have ${(issue.input as PlanGrid[]).reduce((n, g) => n + countVertices(g.geometry), 0)} vertices together, more than ${MAX_PLAN_VERTICES}`,
  });

/** `POST /api/plans/preview`: the impact of grids not saved yet (live balance while drawing). */
export const planPreviewRequestSchema = z.object({
  communityId: z.number().int().positive(),
  grids: planGridsInputSchema,
});

/** `POST /api/plans`: a draft, with the versions of the community's grids it was drafted from. */
export const planDraftRequestSchema = planPreviewRequestSchema.extend({
  author: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(1).max(500),
  base: z.array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() })).max(MAX_PLAN_GRIDS),
});
export type PlanDraftRequest = z.infer<typeof planDraftRequestSchema>;

/** `POST /api/plans/:id/apply`. */
export const planApplyRequestSchema = z.object({ author: z.string().trim().min(1).max(40) });

/** `POST /api/plans/restore`: a new draft that puts the community's grids back as they were at `asOf`. */
export const planRestoreRequestSchema = z.object({
  communityId: z.number().int().positive(),
  asOf: z.iso.datetime(),
  author: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(1).max(500),
});

export const planSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  author: z.string(),
  reason: z.string(),
  status: z.enum(['draft', 'applied']),
  base: z.array(z.object({ id: z.number(), version: z.number() })),
  grids: z.array(planGridSchema),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
});
export type Plan = z.infer<typeof planSchema>;

export const gridFiguresSchema = z.object({
  households: z.number().int(),
  residents: z.number().int(),
  keyGroupHouseholds: z.number().int(),
  openIncidents: z.number().int(),
  staff: z.number().int(),
  gridWorkers: z.number().int(),
  householdsPerGridWorker: z.number().nullable(),
});

export const balanceFigureSchema = z.object({
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  maxOverMin: z.number().nullable(),
  maxDeviation: z.number(),
});

export const partitionProblemSchema = z.object({
  kind: z.enum(PARTITION_PROBLEM_KINDS),
  gridIds: z.array(z.number()),
  at: z.tuple([z.number(), z.number()]),
  message: z.string(),
});

const communityBalanceSchema = z.object({ households: balanceFigureSchema, householdsPerGridWorker: balanceFigureSchema });

/** `GET /api/plans/:id/impact` and `POST /api/plans/preview`: what the plan does, before it is applied. */
export const planImpactSchema = z.object({
  communityId: z.number(),
  /** Empty when the grids are a valid partition of the community. */
  problems: z.array(partitionProblemSchema),
  /** Grids that changed since the plan was drafted (a saved plan only; applying it would be refused). */
  staleGrids: z.array(z.number()),
  grids: z.array(z.object({
    id: z.number(),
    name: z.string(),
    change: z.enum(['unchanged', 'changed', 'new', 'removed']),
    before: gridFiguresSchema.nullable(),
    after: gridFiguresSchema.nullable(),
  })),
  balance: z.object({ before: communityBalanceSchema, after: communityBalanceSchema }),
});
export type PlanImpact = z.infer<typeof planImpactSchema>;

/** `POST /api/plans/:id/apply`: what changed. */
export const planApplyResultSchema = z.object({
  plan: planSchema,
  changedGrids: z.array(z.number()),
  removedGrids: z.array(z.number()),
  /** New grids: the plan's negative id and the area id it was given. */
  createdGrids: z.array(z.object({ planId: z.number(), id: z.number() })),
  reassignedHouseholds: z.number().int(),
  reassignedIncidents: z.number().int(),
});
export type PlanApplyResult = z.infer<typeof planApplyResultSchema>;

/** `GET /api/plans/community/:id`: what the planner edits, with the versions to draft against. */
export const plannerCommunitySchema = z.object({
  id: z.number(),
  name: z.string(),
  geometry: areaGeometrySchema,
  grids: z.array(z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    version: z.number(),
    labelPoint: z.tuple([z.number(), z.number()]),
    geometry: areaGeometrySchema,
  })),
});
export type PlannerCommunity = z.infer<typeof plannerCommunitySchema>;

/** One version of a grid in `GET /api/grid-versions?community=`. */
export const gridVersionSchema = z.object({
  gridId: z.number(),
  version: z.number(),
  code: z.string(),
  name: z.string(),
  /** Null for the version that retired the grid (merged away). */
  geometry: areaGeometrySchema.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  planId: z.number().nullable(),
  author: z.string(),
  reason: z.string(),
});
export type GridVersion = z.infer<typeof gridVersionSchema>;

/** `GET /api/grid-versions/as-of`: the community's grids as they were at an instant. */
export const gridsAsOfSchema = featureCollectionSchema(
  areaGeometrySchema,
  z.object({ id: z.number(), code: z.string(), name: z.string(), version: z.number() }),
);

/** `PUT /api/areas/:id/staff`: the grid's team, as a list of staff ids (others on it are unassigned). */
export const gridStaffRequestSchema = z.object({ staffIds: z.array(z.number().int().positive()).max(50) });

export const staffMemberSchema = z.object({
  id: z.number(),
  gridId: z.number().nullable(),
  role: staffRoleSchema,
  name: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
