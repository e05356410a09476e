import { join, resolve } from 'node:path';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE } from '@gridmap/shared/demo/demo-defaults';

/** Port the server listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 8080;
/** Largest TCP port. */
const MAX_PORT = 65_535;

/** What `main` reads from the environment, checked once at start. */
export interface ServerSettings {
  databasePath: string;
  /** TCP port, 1..65535. */
  port: number;
  webDist: string;
  basemapStyleUrl: string | null;
  /** Seed and size of the demo county generated into an empty database. */
  demoSeed: number;
  demoSize: number;
  /** AREA_TILES: 'on' or 'off' forces area tiles in the web map; unset or 'auto' decides by the grid count. */
  areaTiles: boolean | 'auto';
  /** TILE_CACHE: the tile disk cache's file; unset: beside the database (`x.sqlite` → `x.tile-cache.sqlite`); 'off': none. */
  tileCachePath: string | null;
}

/**
 * Reads DATABASE, PORT, WEB_DIST, BASEMAP_STYLE_URL, DEMO_SEED, DEMO_SIZE, AREA_TILES and TILE_CACHE (empty counts as
 * unset). Throws naming the variable and its value when one is malformed, so that a typo stops
 * the start instead of serving on a port or a county nobody asked for.
 */
export function readServerSettings(env: Record<string, string | undefined>, repoRoot: string): ServerSettings {
  const port = integer('PORT', env.PORT) ?? DEFAULT_PORT;
  if (port < 1 || port > MAX_PORT) throw new Error(`PORT must be an integer from 1 to ${MAX_PORT}, got '${env.PORT}'`);
  const demoSize = set(env.DEMO_SIZE) ? Number(env.DEMO_SIZE) : DEFAULT_DEMO_SIZE;
  if (!(Number.isFinite(demoSize) && demoSize > 0)) throw new Error(`DEMO_SIZE must be a positive number, got '${env.DEMO_SIZE}'`);
  const databasePath = resolve(set(env.DATABASE) ? env.DATABASE : join(repoRoot, 'data', 'gridmap.sqlite'));
  return {
    databasePath,
    port,
    webDist: resolve(set(env.WEB_DIST) ? env.WEB_DIST : join(repoRoot, 'web', 'dist')),
    basemapStyleUrl: set(env.BASEMAP_STYLE_URL) ? env.BASEMAP_STYLE_URL : null,
    demoSeed: integer('DEMO_SEED', env.DEMO_SEED) ?? DEFAULT_DEMO_SEED,
    demoSize,
    areaTiles: areaTilesSetting(env.AREA_TILES),
    tileCachePath: env.TILE_CACHE === 'off' ? null : resolve(set(env.TILE_CACHE) ? env.TILE_CACHE : `${databasePath.replace(/\.sqlite$/, '')}.tile-cache.sqlite`),
  };
}

function areaTilesSetting(value: string | undefined): boolean | 'auto' {
  if (!set(value) || value === 'auto') return 'auto';
  if (value === 'on' || value === 'off') return value === 'on';
  throw new Error(`AREA_TILES must be on, off or auto, got '${value}'`);
}

function set(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** An integer in plain decimal (an optional minus sign, digits), or undefined when unset. */
function integer(name: string, value: string | undefined): number | undefined {
  if (!set(value)) return undefined;
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got '${value}'`);
  return n;
}
