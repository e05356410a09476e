import { MAX_TILE_ZOOM, type TileLayer } from '@gridmap/shared';
import type { VectorSourceSpecification } from 'maplibre-gl';

/**
 * The vector tile source of a tile layer of the API. `origin` makes the template absolute
 * (MapLibre's workers resolve tile URLs on their own, not against the page).
 */
export function tileSource(layer: TileLayer, origin: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/api/tiles/${layer}/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: MAX_TILE_ZOOM,
  };
}

/** Filter for the bin features of a tile (below a layer's point zoom), which carry `count`. */
export const IS_BIN = ['has', 'count'] as const;
/** Filter for single point features (at and above a layer's point zoom). */
export const IS_POINT = ['!', ['has', 'count']] as const;
