import { z } from 'zod';

/** The four levels of the area hierarchy, from the county down to the grid (DOMAIN.md). */
export const AREA_LEVELS = ['county', 'town', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export const areaLevelSchema = z.enum(AREA_LEVELS);

/**
 * The whole area tree: a province database (issue 8) puts the province (省) and its cities (地级市)
 * above the counties. Incidents and mediation points are handled at AREA_LEVELS only (a county
 * is the highest level a case escalates to), so AREA_LEVELS stays the handling levels and this
 * list is what an area row, the areas API and the web's place navigation may carry.
 */
export const AREA_TREE_LEVELS = ['province', 'city', ...AREA_LEVELS] as const;
export type AreaTreeLevel = (typeof AREA_TREE_LEVELS)[number];
export const areaTreeLevelSchema = z.enum(AREA_TREE_LEVELS);

/** The level below `level`, or null for a grid. */
export function childLevel(level: AreaTreeLevel): AreaTreeLevel | null {
  const i = AREA_TREE_LEVELS.indexOf(level);
  return i < AREA_TREE_LEVELS.length - 1 ? AREA_TREE_LEVELS[i + 1] : null;
}

/**
 * Administrative areas (county, town, community) carry the official 12-digit division code;
 * a grid is not in the official scheme, so it carries its community's 12 digits and a 3-digit
 * serial (15 digits), which keeps its parent readable from the code.
 */
export const AREA_CODE_LENGTH: Record<AreaTreeLevel, number> = {
  province: 12,
  city: 12,
  county: 12,
  town: 12,
  community: 12,
  grid: 15,
};
