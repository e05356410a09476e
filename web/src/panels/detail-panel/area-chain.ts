import { AREA_LEVELS, type AreaLevel, type AreaProperties } from '@gridmap/shared';

/**
 * An area and its ancestors up to `top` (inclusive), ordered from `top` down to the area, from
 * the app's index of loaded areas. An ancestor not (yet) in the index ends the chain there, so
 * the result may be shorter; empty when the area itself is unknown.
 * @example areaChain(gridId, findArea) // [town, community, grid]
 */
export function areaChain(
  id: number,
  findArea: (id: number) => AreaProperties | undefined,
  top: AreaLevel = 'town',
): AreaProperties[] {
  const topRank = AREA_LEVELS.indexOf(top);
  const chain: AreaProperties[] = [];
  // The hierarchy has AREA_LEVELS.length levels; the bound also stops a cycle in bad data.
  for (let area = findArea(id); area && chain.length < AREA_LEVELS.length; ) {
    if (AREA_LEVELS.indexOf(area.level) < topRank) break;
    chain.push(area);
    if (area.level === top || area.parentId === null) break;
    area = findArea(area.parentId);
  }
  return chain.reverse();
}
