import { gunzipSync } from 'node:zlib';
import { AREA_TREE_LEVELS, MAX_TILE_ZOOM, TILE_LAYERS } from '@gridmap/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/app-env.ts';
import { etagMatches } from '../http/conditional-get.ts';
import { validate } from '../http/validate.ts';
import type { CachedTile } from '../tiles/tile-cache.ts';
import type { TileService } from '../tiles/tile-service.ts';
import { scopeAreaId } from '../auth/scope.ts';
import { gridIdsWithin } from '../db/tile-points-sql.ts';
import { areaIdsWithin } from '../db/area-tiles-sql.ts';

/**
 * Browsers may reuse a tile this long without asking, in seconds. `private`: a tile holds what
 * the signed-in account may see, so no shared cache may hand it to another.
 */
export const TILE_MAX_AGE_S = 60;
export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

const zxyParams = {
  z: z.string().regex(/^\d{1,2}$/, 'z must be an integer').transform(Number)
    .pipe(z.number().max(MAX_TILE_ZOOM, `z must be at most ${MAX_TILE_ZOOM}`)),
  x: z.string().regex(/^\d{1,9}$/, 'x must be an integer').transform(Number),
  y: z.string().regex(/^\d{1,9}\.mvt$/, "y must be an integer followed by '.mvt'").transform((y) => parseInt(y, 10)),
};

function inWorld(t: { z: number; x: number; y: number }, ctx: z.RefinementCtx) {
  const n = 2 ** t.z;
  if (t.x >= n) ctx.addIssue({ code: 'custom', path: ['x'], message: `x must be below ${n} at z ${t.z}` });
  if (t.y >= n) ctx.addIssue({ code: 'custom', path: ['y'], message: `y must be below ${n} at z ${t.z}` });
}

const tileParams = z.object({ layer: z.enum(TILE_LAYERS), ...zxyParams }).superRefine(inWorld);
const areaTileParams = z.object({ level: z.enum(AREA_TREE_LEVELS), ...zxyParams }).superRefine(inWorld);

/**
 * `GET /api/tiles/{layer}/{z}/{x}/{y}.mvt`. An empty tile is 204 No Content (MapLibre reads it
 * as a tile without features). Tiles are stored gzip-encoded and sent so; a client that does
 * not accept gzip gets them decoded.
 */
export function tilesRoutes(deps: AppDeps & { tiles: TileService }) {
  return new Hono<AppEnv>()
    .get('/areas/:level/:z/:x/:y', validate('param', areaTileParams), (c) => {
      const { level, z: zoom, x, y } = c.req.valid('param');
      const scopeId = scopeAreaId(c);
      const scope = scopeId === null ? undefined : { areaId: scopeId, areas: areaIdsWithin(deps.db, scopeId) };
      return tileResponse(c, deps.tiles.getAreaTile(level, zoom, x, y, scope));
    })
    .get('/:layer/:z/:x/:y', validate('param', tileParams), async (c) => {
      const { layer, z: zoom, x, y } = c.req.valid('param');
      await deps.tiles.pointsReady(layer); // a province's first tile indexes millions of points in turns
      const scopeId = scopeAreaId(c);
      const scope = scopeId === null ? undefined : { areaId: scopeId, grids: gridIdsWithin(deps.db, scopeId) };
      return tileResponse(c, deps.tiles.getTile(layer, zoom, x, y, scope));
    });
}

function tileResponse(c: Context<AppEnv>, tile: CachedTile) {
  const headers: Record<string, string> = {
    'Cache-Control': `private, max-age=${TILE_MAX_AGE_S}`,
    ETag: tile.etag,
    Vary: 'Accept-Encoding, Cookie',
  };
  if (tile.gzip === null) return c.body(null, 204, headers);
  if (etagMatches(c.req.header('If-None-Match'), tile.etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = MVT_CONTENT_TYPE;
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
    headers['Content-Encoding'] = 'gzip';
    return c.body(tile.gzip as Uint8Array<ArrayBuffer>, 200, headers); // as stored, not copied
  }
  return c.body(new Uint8Array(gunzipSync(tile.gzip)), 200, headers);
}
