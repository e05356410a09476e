/**
 * Vector tiles: `GET /api/tiles/{layer}/{z}/{x}/{y}.mvt`, one MVT layer named like the path
 * layer, extent TILE_EXTENT. Every feature is a point. At and above the layer's point zoom each
 * feature is one household or incident with its properties; below it, features are bins of
 * BIN_PIXELS tile pixels carrying `count` (and for incidents `open`), so that a tile stays
 * under MAX_FEATURES_PER_TILE.
 */
export const TILE_LAYERS = ['households', 'incidents'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** Tile coordinate extent of one MVT tile. */
export const TILE_EXTENT = 4096;
/** Zoom at and above which households are single points (street zoom). */
export const HOUSEHOLD_POINT_MIN_ZOOM = 14;
/** Zoom at and above which incidents are single points. */
export const INCIDENT_POINT_MIN_ZOOM = 12;
/** Largest zoom tiles are served for; the map overzooms beyond it. */
export const MAX_TILE_ZOOM = 18;
/** Size of an aggregation bin, in pixels of a 512-pixel tile. */
export const BIN_PIXELS = 8;
/** Features per tile at most; a point tile over it falls back to bins. */
export const MAX_FEATURES_PER_TILE = 8000;
