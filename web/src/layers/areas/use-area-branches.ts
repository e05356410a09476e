import type { AreaCollection, AreaProperties, AreaTreeLevel } from '@gridmap/shared';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { areaKeys, fetchAreaChildren } from '../../api/areas-api.ts';
import { areaDetailQueryOptions } from '../../panels/detail-panel/detail-queries.ts';
import { mergeAreaBranches, branchParents } from './area-branches.ts';

/** How long a loaded branch stays fresh, in ms (areas change only when a plan is applied). */
const BRANCH_STALE_MS = 60_000;

function areaChildrenQueryOptions(parentId: number) {
  return queryOptions({
    queryKey: areaKeys.children(parentId),
    queryFn: ({ signal }) => fetchAreaChildren(parentId, signal),
    staleTime: BRANCH_STALE_MS,
  });
}

/**
 * With area tiles (a province), communities and grids are not loaded whole (issue 8): this loads
 * the branch an official stands on — the children of the place and of each of its ancestors
 * from the town down — so that drilling goes on below the town and the breadcrumb, the children
 * list and the choropleth know the areas there. `areas` and `findArea` come back with the branch
 * added; unchanged when the areas are not tiled.
 */
export function useAreaBranches(
  placeId: number | undefined,
  tiled: boolean,
  areas: Partial<Record<AreaTreeLevel, AreaCollection>>,
  findArea: (id: number) => AreaProperties | undefined,
) {
  const detail = useQuery({ ...areaDetailQueryOptions(placeId ?? 0), enabled: tiled && placeId !== undefined });
  const parents = tiled && detail.data ? branchParents(detail.data) : [];
  const lists = useQueries({
    queries: parents.map((id) => areaChildrenQueryOptions(id)),
    combine: (results) => results.flatMap((result) => (result.data ? [result.data] : [])),
  });
  const merged = useMemo(() => mergeAreaBranches(areas, lists), [areas, lists]);
  const branchIndex = useMemo(() => {
    const index = new Map<number, AreaProperties>();
    for (const list of lists) for (const feature of list.features) index.set(feature.id, feature.properties);
    return index;
  }, [lists]);
  const find = useCallback((id: number) => findArea(id) ?? branchIndex.get(id), [findArea, branchIndex]);
  return { areas: merged, findArea: lists.length === 0 ? findArea : find };
}
