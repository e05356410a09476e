import {
  gridsAsOfSchema,
  gridVersionSchema,
  planApplyResultSchema,
  planImpactSchema,
  plannerCommunitySchema,
  planSchema,
  staffMemberSchema,
  type Plan,
} from '@gridmap/shared';
import type { GridGeometry } from '@gridmap/shared/plans/grid-partition';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson, postJson, putJson } from '../api/fetch-json.ts';

export const planKeys = {
  all: ['plans'] as const,
  community: (id: number) => [...planKeys.all, 'community', id] as const,
  preview: (id: number, gridsJson: string) => [...planKeys.all, 'preview', id, gridsJson] as const,
};

/** The community the planner edits, with its grids' versions. */
export const plannerCommunityQueryOptions = (id: number) =>
  queryOptions({
    queryKey: planKeys.community(id),
    queryFn: ({ signal }) => fetchJson(`/api/plans/community/${id}`, plannerCommunitySchema, signal),
    staleTime: 0,
  });

/** The impact of the grids being drawn (problems, figures, balance), recomputed on the server. */
export function previewPlan(communityId: number, grids: readonly GridGeometry[]) {
  return postJson('/api/plans/preview', { communityId, grids }, planImpactSchema);
}

/** Saves the grids (with any new names) as a draft plan against the versions `base` they were drawn from. */
export function savePlan(communityId: number, base: Plan['base'], grids: readonly (GridGeometry & { name?: string })[], author: string, reason: string) {
  return postJson('/api/plans', { communityId, author, reason, base, grids }, planSchema);
}

/** Applies a saved plan. */
export function applyPlan(planId: number, author: string) {
  return postJson(`/api/plans/${planId}/apply`, { author }, planApplyResultSchema);
}

// Issue 6b: the community's plans, history and staff.
export const plannerKeys = {
  plans: (communityId: number) => [...planKeys.all, 'list', communityId] as const,
  plan: (id: number) => [...planKeys.all, 'one', id] as const,
  impact: (id: number) => [...planKeys.all, 'impact', id] as const,
  versions: (communityId: number) => ['grid-versions', communityId] as const,
  asOf: (communityId: number, date: string) => ['grid-versions', communityId, 'as-of', date] as const,
  staff: (gridId: number) => ['staff', 'grid', gridId] as const,
};

const planSummarySchema = planSchema.omit({ grids: true, base: true });
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** Every plan of the community, newest first: drafts of all planners and applied ones. */
export const communityPlansQueryOptions = (communityId: number) =>
  queryOptions({
    queryKey: plannerKeys.plans(communityId),
    queryFn: ({ signal }) => fetchJson(`/api/plans?community=${communityId}`, z.object({ plans: z.array(planSummarySchema) }), signal),
  });

/** One plan with its grids, to open in the planner. */
export function fetchPlan(id: number): Promise<Plan> {
  return fetchJson(`/api/plans/${id}`, planSchema);
}

/** A saved plan's impact, with the grids that changed since it was drafted (stale). */
export const planImpactQueryOptions = (id: number) =>
  queryOptions({
    queryKey: plannerKeys.impact(id),
    queryFn: ({ signal }) => fetchJson(`/api/plans/${id}/impact`, planImpactSchema, signal),
  });

/** A saved plan's impact, fetched once (after a 409, to name the stale grids). */
export function fetchPlanImpact(id: number) {
  return fetchJson(`/api/plans/${id}/impact`, planImpactSchema);
}

/** Every recorded version of the community's grids. */
export const gridVersionsQueryOptions = (communityId: number) =>
  queryOptions({
    queryKey: plannerKeys.versions(communityId),
    queryFn: ({ signal }) => fetchJson(`/api/grid-versions?community=${communityId}`, z.object({ versions: z.array(gridVersionSchema) }), signal),
  });

/** The community's grids as they were at the end of county day `date` (YYYY-MM-DD). */
export const gridsAsOfQueryOptions = (communityId: number, date: string) =>
  queryOptions({
    queryKey: plannerKeys.asOf(communityId, date),
    queryFn: ({ signal }) => fetchJson(`/api/grid-versions/as-of?community=${communityId}&at=${date}`, gridsAsOfSchema, signal),
  });

/** A new draft that puts the grids back as they were at `asOf` (ISO instant). */
export function restorePlan(communityId: number, asOf: string, author: string, reason: string): Promise<Plan> {
  return postJson('/api/plans/restore', { communityId, asOf, author, reason }, planSchema);
}

const staffListSchema = z.object({ staff: z.array(staffMemberSchema) });

/** A grid's team and the staff assigned to no grid. */
export const gridStaffQueryOptions = (gridId: number) =>
  queryOptions({
    queryKey: plannerKeys.staff(gridId),
    queryFn: ({ signal }) => fetchJson(`/api/areas/${gridId}/staff`, staffListSchema, signal),
  });

/** Makes `staffIds` the grid's whole team; staff on it and not listed become unassigned. */
export function setGridStaff(gridId: number, staffIds: readonly number[]) {
  return putJson(`/api/areas/${gridId}/staff`, { staffIds }, staffListSchema);
}
