/**
 * Vector tiles: `GET /api/tiles/{layer}/{z}/{x}/{y}.mvt`, one MVT layer named like the path
 * layer, extent TILE_EXTENT. Every feature is a point. At and above the layer's point zoom each
 * feature is one household or incident with its properties; below it, features are bins of
 * BIN_PIXELS tile pixels carrying `count` (and for incidents `open`), so that a tile stays
 * under MAX_FEATURES_PER_TILE.
 *
 * Household point features carry `id`, `size` and `migrant` (0/1), and no key-group flag: tiles
 * are public, and whether a household is in a key group (KEY_GROUP_TAGS) is sensitive until
 * roles decide who may see it (issue 9). Key-group counts per area are in the area figures.
 * Incident point features carry `id`, `kind`, `status`, `severity`, `overdue` (0/1) and
 * `reportedDay` ('YYYY-MM-DD', the county day at UTC+8, see COUNTY_UTC_OFFSET_MINUTES).
 */
export const TILE_LAYERS = ['households', 'incidents'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** Tile coordinate extent of one MVT tile. */
export const TILE_EXTENT = 4096;
/** Zoom at and above which households are single points (street zoom). */
export const HOUSEHOLD_POINT_MIN_ZOOM = 14;
/** Zoom at and above which incidents are single points. */
export const INCIDENT_POINT_MIN_ZOOM = 13;
/** Largest zoom tiles are served for; the map overzooms beyond it. */
export const MAX_TILE_ZOOM = 18;
/** Size of an aggregation bin, in pixels of a 512-pixel tile. */
export const BIN_PIXELS = 8;
/** Features per tile at most; a point tile over it falls back to bins. */
export const MAX_FEATURES_PER_TILE = 8000;

/**
 * Area tiles (issue 8): `GET /api/tiles/areas/{level}/{z}/{x}/{y}.mvt`, one MVT layer named by
 * the level, one polygon feature per area (id = area id; properties `id`, `name`, `parentId`),
 * clipped to the tile plus a small buffer and simplified to about half a pixel. Figures are left
 * out on purpose: they change with households and staff, and come from the stats API.
 */
export const AREA_TILE_PATH_PREFIX = '/api/tiles/areas';

/**
 * Lowest zoom a level's tiles carry features at (below it the tile is empty, 204): at these
 * zooms a province tile holds a few thousand areas of the level at most, so tiles stay under
 * MAX_FEATURES_PER_TILE. Levels not listed (coarser ones added later) start at zoom 0.
 */
export const AREA_TILE_MIN_ZOOM: Readonly<Record<string, number>> = {
  town: 6,
  community: 9,
  grid: 10,
};

/** Highest zoom area tiles are made for; the map overzooms them beyond (their lines stay sharp). */
export const AREA_TILE_MAX_ZOOM = 16;

/** Lowest zoom of `level`'s area tiles (see AREA_TILE_MIN_ZOOM). */
export function areaTileMinZoom(level: string): number {
  return AREA_TILE_MIN_ZOOM[level] ?? 0;
}
