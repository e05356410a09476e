import type { AreaCollection, AreaDetail, AreaTreeLevel } from '@gridmap/shared';

/** Levels whose children a tiled map loads by branch: communities of a town, grids of a community. */
const BRANCHING_LEVELS: readonly AreaTreeLevel[] = ['town', 'community'];

/**
 * The areas whose children make up the branch of `place`: the place and its ancestors at a
 * branching level, top down (a grid's community and town; a town alone).
 */
export function branchParents(place: Pick<AreaDetail, 'id' | 'properties'>): number[] {
  const chain = [...place.properties.path, { id: place.id, level: place.properties.level }];
  return chain.filter((area) => BRANCHING_LEVELS.includes(area.level)).map((area) => area.id);
}

/**
 * `areas` with every feature of `branches` added to the collection of its level, each once
 * (a feature already loaded stays as it was).
 */
export function mergeAreaBranches(
  areas: Partial<Record<AreaTreeLevel, AreaCollection>>,
  branches: readonly AreaCollection[],
): Partial<Record<AreaTreeLevel, AreaCollection>> {
  if (branches.length === 0) return areas;
  const merged = { ...areas };
  const seen = new Set<number>();
  for (const collection of Object.values(areas)) for (const feature of collection?.features ?? []) seen.add(feature.id);
  for (const branch of branches) {
    for (const feature of branch.features) {
      if (seen.has(feature.id)) continue;
      seen.add(feature.id);
      const level = feature.properties.level;
      const current = merged[level];
      merged[level] = current
        ? { ...current, features: [...current.features, feature], numberReturned: current.features.length + 1 }
        : { type: 'FeatureCollection', features: [feature], numberReturned: 1, nextCursor: null, links: [] };
    }
  }
  return merged;
}
