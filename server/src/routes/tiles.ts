import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { AREA_TREE_LEVELS, MAX_TILE_ZOOM, TILE_LAYERS, type AreaTreeLevel, type TileLayer } from '@gridmap/shared';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/app-env.ts';
import { etagMatches } from '../http/conditional-get.ts';
import { validate } from '../http/validate.ts';
import type { CachedTile } from '../tiles/tile-cache.ts';
import type { TileService } from '../tiles/tile-service.ts';
import { scopeAreaId } from '../auth/scope.ts';
import { sessionMemo } from '../auth/session-memo.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { parse as parseCookie } from 'hono/utils/cookie';
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
      return tileResponse(c, areaTile(deps, scopeAreaId(c), level, zoom, x, y));
    })
    .get('/:layer/:z/:x/:y', validate('param', tileParams), async (c) => {
      const { layer, z: zoom, x, y } = c.req.valid('param');
      await deps.tiles.pointsReady(layer); // a province's first tile indexes millions of points in turns
      return tileResponse(c, pointTile(deps, scopeAreaId(c), layer, zoom, x, y));
    });
}

/** A tile path the fast path answers: `/api/tiles/areas/{level}/{z}/{x}/{y}.mvt` or `/api/tiles/{layer}/{z}/{x}/{y}.mvt`. */
const FAST_TILE_PATH = /^\/api\/tiles\/(?:areas\/([a-z]+)|([a-z]+))\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})\.mvt$/;
const AREA_LEVEL_SET: ReadonlySet<string> = new Set(AREA_TREE_LEVELS);
const TILE_LAYER_SET: ReadonlySet<string> = new Set(TILE_LAYERS);

/** What the fast path reads of a request. */
export interface TileRequestHead {
  method: string;
  /** The path; one with a query string is not a tile path here. */
  path: string;
  cookie: string | undefined;
  ifNoneMatch: string | undefined;
  acceptEncoding: string | undefined;
}

/** A tile answer: status, headers and the bytes to send (null for none). */
export interface TileAnswer {
  status: 200 | 204 | 304;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/**
 * Tile GETs answered ahead of the generic middleware (request id, audit, compression, zod): a map
 * asks for hundreds of tiles a minute, and that work cost a warm tile three times what sending
 * it does. What it keeps is what a tile needs: the session (sessionContext's lookup, remembered
 * until the next write: sessionMemo), the account's scope, ETag/304 and Cache-Control. Tiles are
 * gzip already, so compression had nothing to do. Anything else (no session, a malformed path, a
 * HEAD or another method) gets null: the generic chain answers it, and its 401 and 400 bodies
 * name the request id and the field.
 */
export function fastTileAnswerer(deps: AppDeps & { tiles: TileService }): (head: TileRequestHead) => TileAnswer | null {
  const sessions = sessionMemo(deps);
  return (head) => {
    const m = head.method === 'GET' ? FAST_TILE_PATH.exec(head.path) : null;
    if (!m) return null;
    const [, level, layer, zText, xText, yText] = m;
    const zoom = Number(zText);
    const x = Number(xText);
    const y = Number(yText);
    const n = 2 ** zoom;
    if (zoom > MAX_TILE_ZOOM || x >= n || y >= n) return null;
    if (level !== undefined ? !AREA_LEVEL_SET.has(level) : !TILE_LAYER_SET.has(layer)) return null;
    // A layer's first tile waits for its points, read in turns: the generic route awaits that.
    if (level === undefined && !deps.tiles.pointsBuilt(layer as TileLayer)) return null;
    const session = head.cookie ? sessions(parseCookie(head.cookie, SESSION_COOKIE)[SESSION_COOKIE]) : null;
    if (!session) return null;
    const scopeId = session.scopeIsRoot ? null : session.account.areaId;
    const tile = level !== undefined
      ? areaTile(deps, scopeId, level as AreaTreeLevel, zoom, x, y)
      : pointTile(deps, scopeId, layer as TileLayer, zoom, x, y);
    return tileAnswer(tile, head.ifNoneMatch, head.acceptEncoding);
  };
}

/** fastTileAnswerer as Hono middleware, mounted before the generic middleware (app.ts). */
export function tileFastPath(deps: AppDeps & { tiles: TileService }): MiddlewareHandler<AppEnv> {
  const answer = fastTileAnswerer(deps);
  return (c, next) => {
    let tile: TileAnswer | null;
    try {
      tile = answer({
        method: c.req.method, path: c.req.path, cookie: c.req.header('Cookie'),
        ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding'),
      });
    } catch (err) {
      c.set('requestId', randomUUID()); // the error body and the log line name one, as elsewhere
      throw err;
    }
    if (!tile) return next();
    // A plain Response with plain headers, which @hono/node-server writes out without copying.
    return Promise.resolve(new Response(tile.body as Uint8Array<ArrayBuffer> | null, { status: tile.status, headers: tile.headers }));
  };
}

function areaTile(deps: AppDeps & { tiles: TileService }, scopeId: number | null, level: AreaTreeLevel, z: number, x: number, y: number): CachedTile {
  const scope = scopeId === null ? undefined : { areaId: scopeId, areas: areaIdsWithin(deps.db, scopeId) };
  return deps.tiles.getAreaTile(level, z, x, y, scope);
}

function pointTile(deps: AppDeps & { tiles: TileService }, scopeId: number | null, layer: TileLayer, z: number, x: number, y: number): CachedTile {
  const scope = scopeId === null ? undefined : { areaId: scopeId, grids: gridIdsWithin(deps.db, scopeId) };
  return deps.tiles.getTile(layer, z, x, y, scope);
}

function tileResponse(c: Context<AppEnv>, tile: CachedTile): Response {
  const { status, headers, body } = tileAnswer(tile, c.req.header('If-None-Match'), c.req.header('Accept-Encoding'));
  return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });
}

/** A tile's answer: 204 when empty, 304 when the client holds its ETag, else the bytes (gzip as stored, or decoded for a client without gzip). */
function tileAnswer(tile: CachedTile, ifNoneMatch: string | undefined, acceptEncoding: string | undefined): TileAnswer {
  const headers: Record<string, string> = {
    'Cache-Control': `private, max-age=${TILE_MAX_AGE_S}`,
    ETag: tile.etag,
    Vary: 'Accept-Encoding, Cookie',
  };
  if (tile.gzip === null) return { status: 204, headers, body: null };
  if (etagMatches(ifNoneMatch, tile.etag)) return { status: 304, headers, body: null };
  headers['Content-Type'] = MVT_CONTENT_TYPE;
  if (GZIP_ACCEPTED.test(acceptEncoding ?? '')) {
    headers['Content-Encoding'] = 'gzip';
    return { status: 200, headers, body: tile.gzip }; // as stored, not copied
  }
  return { status: 200, headers, body: new Uint8Array(gunzipSync(tile.gzip)) };
}

const GZIP_ACCEPTED = /\bgzip\b/;
