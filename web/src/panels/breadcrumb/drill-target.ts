import { AREA_TREE_LEVELS, type AreaProperties } from '@gridmap/shared';
import { areaChain } from '../detail-panel/area-chain.ts';

/**
 * Where a click on the map at `pickedId` (a grid, the area a click hits) takes the official
 * standing at `place`: one level down toward it when it lies inside the place; at a grid
 * (nothing below), or when it lies outside, to the area at the place's own level that holds
 * it (a sibling or cousin). Null when the picked area is unknown or is the place itself.
 * @example drillTarget(grid, county, findArea) // the town holding the grid
 */
export function drillTarget(
  pickedId: number,
  place: AreaProperties,
  findArea: (id: number) => AreaProperties | undefined,
): AreaProperties | null {
  const chain = areaChain(pickedId, findArea, 'county'); // county … picked
  const at = chain.findIndex((area) => area.id === place.id);
  const target = at >= 0 ? chain[at + 1] : chain.find((area) => area.level === place.level);
  if (target && target.id !== place.id) return target;
  return null;
}

/**
 * `drillTarget` for a picked area the app has not loaded (a grid drawn from tiles, issue 8): the
 * same step, along the picked area's ancestors as its detail names them (`path`, top down),
 * kept to the ancestors the app knows, so that it never goes to a place it cannot show.
 */
export function drillTargetOnPath(
  path: readonly { id: number }[],
  place: AreaProperties,
  findArea: (id: number) => AreaProperties | undefined,
): AreaProperties | null {
  const chain = path.map((step) => findArea(step.id)).filter((area): area is AreaProperties => area !== undefined);
  const at = chain.findIndex((area) => area.id === place.id);
  const target = at >= 0 ? chain[at + 1] : chain.find((area) => area.level === place.level);
  return target && target.id !== place.id ? target : null;
}

/** The rank of a level from the top (province 0, county 2 … grid 5). */
export function levelRank(level: AreaProperties['level']): number {
  return AREA_TREE_LEVELS.indexOf(level);
}
