import { AREA_TREE_LEVELS, type AreaTreeLevel, type AreaProperties } from '@gridmap/shared';

/**
 * An area and its ancestors up to `top` (inclusive), ordered from `top` down to the area, from
 * the app's index of loaded areas. An ancestor not (yet) in the index ends the chain there, so
 * the result may be shorter; empty when the area itself is unknown.
 * @example areaChain(gridId, findArea) // [town, community, grid]
 */
export function areaChain(
  id: number,
  findArea: (id: number) => AreaProperties | undefined,
  top: AreaTreeLevel = 'town',
): AreaProperties[] {
  const topRank = AREA_TREE_LEVELS.indexOf(top);
  const chain: AreaProperties[] = [];
  // The hierarchy has AREA_TREE_LEVELS.length levels; the bound also stops a cycle in bad data.
  for (let area = findArea(id); area && chain.length < AREA_TREE_LEVELS.length; ) {
    if (AREA_TREE_LEVELS.indexOf(area.level) < topRank) break;
    chain.push(area);
    if (area.level === top || area.parentId === null) break;
    area = findArea(area.parentId);
  }
  return chain.reverse();
}
