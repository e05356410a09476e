import type { ClientConfig } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { countAreasOfLevel } from '../db/area-tiles-sql.ts';
import type { AppEnv } from '../http/app-env.ts';

/**
 * Grids above which the web map draws areas from vector tiles: a county's few thousand grids
 * are sent whole once (and then need no more requests); a province's 60,000 are not.
 */
export const AREA_TILES_FROM_GRIDS = 5_000;

/** What the web app needs to know about this deployment. */
export function configRoutes({ db, config }: AppDeps) {
  let client: ClientConfig | null = null;
  return new Hono<AppEnv>().get('/', (c) => {
    // Decided on the first ask (one indexed count), not at start.
    const areaTiles = config.areaTiles ?? 'auto';
    client ??= {
      basemapStyleUrl: config.basemapStyleUrl,
      areaTiles: areaTiles === 'auto' ? countAreasOfLevel(db, 'grid') > AREA_TILES_FROM_GRIDS : areaTiles,
    };
    return c.json(client);
  });
}
