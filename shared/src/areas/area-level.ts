import { z } from 'zod';

/** The four levels of the area hierarchy, from the county down to the grid (DOMAIN.md). */
export const AREA_LEVELS = ['county', 'town', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export const areaLevelSchema = z.enum(AREA_LEVELS);

/** The level below `level`, or null for a grid. */
export function childLevel(level: AreaLevel): AreaLevel | null {
  const i = AREA_LEVELS.indexOf(level);
  return i < AREA_LEVELS.length - 1 ? AREA_LEVELS[i + 1] : null;
}

/**
 * Administrative areas (county, town, community) carry the official 12-digit division code;
 * a grid is not in the official scheme, so it carries its community's 12 digits and a 3-digit
 * serial (15 digits), which keeps its parent readable from the code.
 */
export const AREA_CODE_LENGTH: Record<AreaLevel, number> = {
  county: 12,
  town: 12,
  community: 12,
  grid: 15,
};
