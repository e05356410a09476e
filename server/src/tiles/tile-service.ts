import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MAX_TILE_ZOOM, INCIDENT_POINT_MIN_ZOOM, TILE_EXTENT, type TileLayer } from '@gridmap/shared';
import vtpbf from 'vt-pbf';
import type { GeojsonVtFeature } from 'vt-pbf';
import { areaTilesVersion } from '../db/area-tiles-sql.ts';
import type { Db } from '../db/open-db.ts';
import { AreaTiles, areaLabelLayerName } from './area-tiles.ts';
import { householdPointSteps, regridHouseholdPoints } from './household-points.ts';
import { incidentPointSteps, regridIncidentPoints, upsertIncidentPoint, type IncidentTileFields } from './incident-points.ts';
import { LazyPoints } from './lazy-points.ts';
import { mercatorX, mercatorY } from './mercator.ts';
import { TileCache, type CachedTile } from './tile-cache.ts';
import { TileDiskCache } from './tile-disk-cache.ts';
import { TILE_BUFFER_PIXELS, tileFeatures, type TileLayerSource } from './tile-features.ts';
import { householdTileSource, incidentTileSource } from './tile-sources.ts';
import { tileKey, tilesTouchingBboxes, tilesTouchingPoint } from './tile-keys.ts';

/** Encoded tiles kept at most, and their gzip bytes at most (128 MiB). */
const TILE_CACHE_ENTRIES = 50_000;
const TILE_CACHE_BYTES = 128 * 1024 * 1024;

/**
 * Area tiles up to this zoom are also kept on disk when the service has a disk cache: below it
 * a tile draws whole county, town and community outlines (tens of milliseconds to make, up to a
 * second the first time), and there are few of them: every area level of a province up to z11 is
 * some 6,000 tiles (about 1,000 per level; the bench measures the file's size).
 */
export const DISK_TILE_MAX_ZOOM = 11;

/**
 * How long an encoded incident tile stays valid, in ms: its `overdue` flags depend on the
 * clock, so a tile is re-encoded at most this long after a deadline passes. Matches the
 * Cache-Control max-age the route sends.
 */
export const INCIDENT_TILE_TTL_MS = 60_000;

/** Share of a tile's side that point features reach beyond it (TILE_BUFFER_PIXELS of 512). */
const BUFFER_FRACTION = TILE_BUFFER_PIXELS / 512;

/** [minLon, minLat, maxLon, maxLat] in degrees. */
export type DegreeBbox = [number, number, number, number];

/** An account's area and the grids inside it: its point tiles hold only the points in those grids. */
export interface TileScope {
  areaId: number;
  grids: ReadonlySet<number>;
}

/** An account's area and the areas inside it (itself included): its area tiles hold only those. */
export interface AreaTileScope {
  areaId: number;
  areas: ReadonlySet<number>;
}

/** The cache layer name of a point layer for a scope: each account's area has its own tiles. */
function scopedLayer(layer: string, scopeId: number | null): string {
  return scopeId === null ? layer : `${layer}~s${scopeId}`;
}

export interface TileService {
  /** Resolves once the points of `layer` are indexed, reading them in turns on the first call (await before `getTile`). */
  pointsReady(layer: TileLayer): Promise<void>;
  /** Whether the points of `layer` are built (a tile of it can be made without waiting). */
  pointsBuilt(layer: TileLayer): boolean;
  /** The tile, gzip-encoded with its ETag; `gzip` is null when the tile has no features. Without a scope, every point. */
  getTile(layer: TileLayer, z: number, x: number, y: number, scope?: TileScope): CachedTile;
  /** The area tile of `level` (one MVT layer named by the level); with a scope only the areas inside it. */
  getAreaTile(level: string, z: number, x: number, y: number, scope?: AreaTileScope): CachedTile;
  /**
   * An incident was reported or changed: it is put into the index in place and exactly the
   * cached tiles that hold its point (with their buffer) at every zoom are dropped.
   */
  incidentWritten(incident: IncidentTileFields): void;
  /**
   * Areas of `level` were redrawn (a plan applied): their outlines are forgotten and the cached
   * tiles of that level that meet any of `bboxes` (before and after) are dropped.
   */
  areasRedrawn(level: string, ids: readonly number[], bboxes: readonly DegreeBbox[]): void;
  /**
   * Points of `layer` changed grid (a plan applied; `grids`: id → grid now): their grids are set
   * in place and the scoped tiles meeting `bboxes` are dropped (tiles without a scope do not
   * depend on grids and stay).
   */
  pointsRegridded(layer: TileLayer, grids: ReadonlyMap<number, number>, bboxes: readonly DegreeBbox[]): void;
  /** Re-reads incidents from the database (after an import) and drops their cached tiles. */
  rebuildIncidents(): void;
  /** Re-reads households from the database (after an import) and drops their cached tiles. */
  rebuildHouseholds(): void;
  /** Forgets every area outline and area tile (an import redrew areas). */
  rebuildAreas(): void;
  /** Whether the tile of this key (see `tileKey`) is in the memory cache. */
  isCached(key: string): boolean;
  /** Points indexed per layer (builds the indexes if not yet built). */
  counts(): Record<TileLayer, number>;
  /** Closes the disk cache's file (if any). */
  close(): void;
}

export interface TileServiceOptions {
  /** SQLite file of the area tiles up to DISK_TILE_MAX_ZOOM (see TileDiskCache); absent or null: memory only. */
  diskCachePath?: string | null;
}

/**
 * Tiles on demand from indexes built lazily: the households' and incidents' point indexes on the
 * first tile of their layer (in turns, as the route awaits `pointsReady`), area outlines one by
 * one as tiles need them; so a server starts without reading them.
 */
export function createTileService(db: Db, now: () => Date, options: TileServiceOptions = {}): TileService {
  const disk = options.diskCachePath ? TileDiskCache.open(options.diskCachePath, areaTilesVersion(db)) : null;
  const households = new LazyPoints(() => householdPointSteps(db));
  const incidents = new LazyPoints(() => incidentPointSteps(db));
  const areas = new AreaTiles(db);
  const cache = new TileCache(TILE_CACHE_ENTRIES, TILE_CACHE_BYTES);
  /** Scopes that have asked for point tiles, so that a write finds their copies of a tile. */
  const scopes = new Set<number>();
  const householdPoints = () => households.get();
  const incidentPoints = () => incidents.get();

  /**
   * The cached tile of `key` (from memory, else from disk when `onDisk`), else made and cached:
   * `make` gives its MVT layers (name → features).
   */
  const cached = (key: string, maxAgeMs: number, make: (nowMs: number) => Record<string, GeojsonVtFeature[]>, onDisk = false): CachedTile => {
    const nowMs = now().getTime();
    const hit = cache.get(key, nowMs, maxAgeMs);
    if (hit) return hit;
    const stored = onDisk ? disk?.get(key) : undefined;
    if (stored) {
      cache.set(key, stored);
      return stored;
    }
    const layers = Object.fromEntries(Object.entries(make(nowMs)).filter(([, features]) => features.length > 0).map(([name, features]) => [name, { features }]));
    const tile: CachedTile =
      Object.keys(layers).length === 0
        ? { gzip: null, etag: '"empty"', createdMs: nowMs }
        : encoded(vtpbf.fromGeojsonVt(layers, { version: 2, extent: TILE_EXTENT }), nowMs);
    cache.set(key, tile);
    if (onDisk) disk?.set(key, tile);
    return tile;
  };

  return {
    pointsReady(layer) {
      return layer === 'households' ? households.ready() : incidents.ready();
    },
    pointsBuilt(layer) {
      return (layer === 'households' ? households : incidents).built;
    },
    getTile(layer, z, x, y, scope) {
      const maxAge = layer === 'incidents' ? INCIDENT_TILE_TTL_MS : Infinity;
      if (scope) scopes.add(scope.areaId);
      return cached(tileKey(scopedLayer(layer, scope?.areaId ?? null), z, x, y), maxAge, (nowMs) => {
        const gridOf = layer === 'households' ? householdPoints().gridId : incidentPoints().gridId;
        const base: TileLayerSource =
          layer === 'households' ? householdTileSource(householdPoints()) : incidentTileSource(incidentPoints(), nowMs);
        const source: TileLayerSource = scope ? { ...base, include: (i) => scope.grids.has(gridOf[i]) } : base;
        return { [layer]: tileFeatures(source, z, x, y) };
      });
    },
    getAreaTile(level, z, x, y, scope) {
      if (scope) scopes.add(scope.areaId);
      // Scoped tiles stay in memory: their scope's invalidation is only known while it is in `scopes`.
      const onDisk = !scope && z <= DISK_TILE_MAX_ZOOM;
      return cached(tileKey(scopedLayer(`areas-${level}`, scope?.areaId ?? null), z, x, y), Infinity, () => {
        const { polygons, labels } = areas.features(level, z, x, y, scope?.areas);
        return { [level]: polygons, [areaLabelLayerName(level)]: labels };
      }, onDisk);
    },
    incidentWritten(incident) {
      // Not built yet: the first incident tile reads it from the database.
      incidents.ifBuilt((points) => {
        const at = upsertIncidentPoint(points, incident);
        if (!at) {
          this.rebuildIncidents(); // no room left to append: read them all again
          return;
        }
        for (const scopeId of [null, ...scopes]) {
          const layer = scopedLayer('incidents', scopeId);
          for (const key of tilesTouchingPoint(layer, at.x, at.y, MAX_TILE_ZOOM, INCIDENT_POINT_MIN_ZOOM, BUFFER_FRACTION)) cache.delete(key);
        }
      });
    },
    areasRedrawn(level, ids, bboxes) {
      areas.forget(level, ids);
      const world = bboxes.map(([minLon, minLat, maxLon, maxLat]) =>
        [mercatorX(minLon), mercatorY(maxLat), mercatorX(maxLon), mercatorY(minLat)] as const);
      for (const scopeId of [null, ...scopes]) cache.deleteWhere(tilesTouchingBboxes(scopedLayer(`areas-${level}`, scopeId), world, BUFFER_FRACTION));
      disk?.deleteWhere(`areas-${level}/`, tilesTouchingBboxes(`areas-${level}`, world, BUFFER_FRACTION), areaTilesVersion(db));
    },
    pointsRegridded(layer, grids, bboxes) {
      if (layer === 'households') households.ifBuilt((points) => regridHouseholdPoints(points, grids));
      if (layer === 'incidents') incidents.ifBuilt((points) => regridIncidentPoints(points, grids));
      const world = bboxes.map(([minLon, minLat, maxLon, maxLat]) =>
        [mercatorX(minLon), mercatorY(maxLat), mercatorX(maxLon), mercatorY(minLat)] as const);
      for (const scopeId of scopes) cache.deleteWhere(tilesTouchingBboxes(scopedLayer(layer, scopeId), world, BUFFER_FRACTION));
    },
    rebuildIncidents() {
      incidents.forget(); // read again on the next incident tile
      cache.deleteWhere((key) => key.startsWith('incidents/') || key.startsWith('incidents~'));
    },
    rebuildHouseholds() {
      households.forget();
      cache.deleteWhere((key) => key.startsWith('households/') || key.startsWith('households~'));
    },
    rebuildAreas() {
      areas.forgetAll();
      cache.deleteWhere((key) => key.startsWith('areas-'));
      disk?.clear(areaTilesVersion(db));
    },
    isCached(key) {
      return cache.has(key);
    },
    counts() {
      const h = householdPoints().index;
      const i = incidentPoints().index;
      return { households: h.count + h.added, incidents: i.count + i.added };
    },
    close() {
      disk?.close();
    },
  };
}

function encoded(mvt: Uint8Array, nowMs: number): CachedTile {
  const hash = createHash('sha1').update(mvt).digest('base64url').slice(0, 22);
  return { gzip: gzipSync(mvt), etag: `"${hash}"`, createdMs: nowMs };
}
