/** Deployment settings the app reads (main.ts fills them from the environment). */
export interface AppConfig {
  /** A MapLibre style URL for the base map (e.g. a provincial tile service), or null for none. */
  basemapStyleUrl: string | null;
  /** Directory of the built web app (web/dist), or null to serve the API only. */
  webDist: string | null;
  /** The clock: "overdue" is decided against it. Tests pass a fixed one. */
  now: () => Date;
  /** Whether the web map draws areas from vector tiles; 'auto' (the default): when there are more than AREA_TILES_FROM_GRIDS grids. */
  areaTiles?: boolean | 'auto';
  /** SQLite file of the tile disk cache (low-zoom area tiles, kept across restarts); absent or null: tiles in memory only. */
  tileCachePath?: string | null;
  /** Most areas one `GET /api/areas` answers with (AREAS_LIST_MAX when not given; tests lower it). */
  areasListMax?: number;
}
