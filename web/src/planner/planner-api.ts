import {
  planApplyResultSchema,
  planImpactSchema,
  plannerCommunitySchema,
  planSchema,
  type PlannerCommunity,
} from '@gridmap/shared';
import type { GridGeometry } from '@gridmap/shared/plans/grid-partition';
import { queryOptions } from '@tanstack/react-query';
import { fetchJson, postJson } from '../api/fetch-json.ts';

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

/** Saves the grids as a draft plan against the versions they were drawn from. */
export function savePlan(community: PlannerCommunity, grids: readonly GridGeometry[], author: string, reason: string) {
  const base = community.grids.map((g) => ({ id: g.id, version: g.version }));
  return postJson('/api/plans', { communityId: community.id, author, reason, base, grids }, planSchema);
}

/** Applies a saved plan. */
export function applyPlan(planId: number, author: string) {
  return postJson(`/api/plans/${planId}/apply`, { author }, planApplyResultSchema);
}
