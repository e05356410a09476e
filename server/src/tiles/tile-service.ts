import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { TILE_EXTENT, type TileLayer } from '@gridmap/shared';
import vtpbf from 'vt-pbf';
import type { Db } from '../db/open-db.ts';
import { loadHouseholdPoints, type HouseholdPoints } from './household-points.ts';
import { loadIncidentPoints, type IncidentPoints } from './incident-points.ts';
import { TileCache, type CachedTile } from './tile-cache.ts';
import { tileFeatures, type TileLayerSource } from './tile-features.ts';
import { householdTileSource, incidentTileSource } from './tile-sources.ts';

/** Encoded tiles kept at most, and their gzip bytes at most (64 MiB). */
const TILE_CACHE_ENTRIES = 5_000;
const TILE_CACHE_BYTES = 64 * 1024 * 1024;
/**
 * How long an encoded incident tile stays valid, in ms: its `overdue` flags depend on the
 * clock, so a tile is re-encoded at most this long after a deadline passes. Matches the
 * Cache-Control max-age the route sends.
 */
export const INCIDENT_TILE_TTL_MS = 60_000;
/**
 * Least time between two rebuilds of the incident index, in ms. A write marks the index stale;
 * the next incident tile request rebuilds it unless the last rebuild is more recent than this,
 * so sustained intake costs one rebuild a second at most. The web app asks for fresh tiles
 * somewhat later than this after the last change it heard of (see web/src/live/).
 */
export const INCIDENT_REBUILD_MIN_INTERVAL_MS = 1_000;

/** An account's area and the grids inside it: its tiles hold only the points in those grids. */
export interface TileScope {
  areaId: number;
  grids: ReadonlySet<number>;
}

export interface TileService {
  /** The tile, gzip-encoded with its ETag; `gzip` is null when the tile has no features. Without a scope, every point. */
  getTile(layer: TileLayer, z: number, x: number, y: number, scope?: TileScope): CachedTile;
  /** Re-reads incidents from the database (after writes) and drops their cached tiles. */
  rebuildIncidents(): void;
  /** Re-reads households from the database (after an import) and drops their cached tiles. */
  rebuildHouseholds(): void;
  /** Notes that incidents were written: the next incident tile rebuilds the index (see INCIDENT_REBUILD_MIN_INTERVAL_MS). */
  markIncidentsStale(): void;
  /** Notes that households changed grid (an applied plan): the next household tile rebuilds their index. */
  markHouseholdsStale(): void;
  /** Points indexed per layer. */
  counts(): Record<TileLayer, number>;
}

/** Builds the in-memory point indexes of both layers from the database (once, at start). */
export function createTileService(db: Db, now: () => Date): TileService {
  let households: HouseholdPoints = loadHouseholdPoints(db);
  let householdsVersion = 1;
  let incidents: IncidentPoints = loadIncidentPoints(db);
  let incidentsVersion = 1;
  let incidentsStale = false;
  let householdsStale = false;
  let lastRebuildMs = -Infinity;
  const cache = new TileCache(TILE_CACHE_ENTRIES, TILE_CACHE_BYTES);
  const rebuildIncidents = () => {
    incidents = loadIncidentPoints(db);
    incidentsVersion++;
    incidentsStale = false;
    lastRebuildMs = performance.now();
    cache.deletePrefix('incidents:');
  };

  const rebuildHouseholds = () => {
    households = loadHouseholdPoints(db);
    householdsVersion++;
    householdsStale = false;
    cache.deletePrefix('households:');
  };

  return {
    getTile(layer, z, x, y, scope) {
      if (layer === 'incidents' && incidentsStale && performance.now() - lastRebuildMs >= INCIDENT_REBUILD_MIN_INTERVAL_MS) {
        rebuildIncidents();
      }
      if (layer === 'households' && householdsStale) rebuildHouseholds();
      const nowMs = now().getTime();
      const key = `${layer}:${layer === 'incidents' ? incidentsVersion : householdsVersion}/${scope ? `s${scope.areaId}/` : ''}${z}/${x}/${y}`;
      const maxAge = layer === 'incidents' ? INCIDENT_TILE_TTL_MS : Infinity;
      const hit = cache.get(key, nowMs, maxAge);
      if (hit) return hit;
      const base: TileLayerSource =
        layer === 'households' ? householdTileSource(households) : incidentTileSource(incidents, nowMs);
      const gridOf = layer === 'households' ? households.gridId : incidents.gridId;
      const source: TileLayerSource = scope ? { ...base, include: (i) => scope.grids.has(gridOf[i]) } : base;
      const features = tileFeatures(source, z, x, y);
      const tile: CachedTile =
        features.length === 0
          ? { gzip: null, etag: '"empty"', createdMs: nowMs }
          : encoded(vtpbf.fromGeojsonVt({ [layer]: { features } }, { version: 2, extent: TILE_EXTENT }), nowMs);
      cache.set(key, tile);
      return tile;
    },
    rebuildIncidents,
    markIncidentsStale() {
      incidentsStale = true;
    },
    markHouseholdsStale() {
      householdsStale = true;
    },
    rebuildHouseholds,
    counts() {
      return { households: households.index.count, incidents: incidents.index.count };
    },
  };
}

function encoded(mvt: Uint8Array, nowMs: number): CachedTile {
  const hash = createHash('sha1').update(mvt).digest('base64url').slice(0, 22);
  return { gzip: gzipSync(mvt), etag: `"${hash}"`, createdMs: nowMs };
}
