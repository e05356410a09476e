import { AREA_LEVELS, AREA_TILE_MAX_ZOOM, areaTileMinZoom, type AreaLevel } from '@gridmap/shared';
import type { FeatureIdentifier, LayerSpecification, Map as MapLibreMap, VectorSourceSpecification } from 'maplibre-gl';
import { areaSourceId } from './area-sources.ts';

/**
 * The vector tile source of one area level (`/api/tiles/areas/{level}/…`, one MVT layer named
 * by the level). Used instead of the GeoJSON source when the server says the areas are too many
 * to send whole (a province); promoteId keeps the area id the feature-state id.
 */
export function areaTileSource(level: AreaLevel, origin: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/api/tiles/areas/${level}/{z}/{x}/{y}.mvt`],
    minzoom: areaTileMinZoom(level),
    maxzoom: AREA_TILE_MAX_ZOOM,
    promoteId: 'id',
  };
}

/**
 * Levels whose whole collection the app still loads when areas are tiled: few enough to send
 * whole (a province's 89 counties and ~1,300 towns), and what names, fits and drill-down read.
 * Communities and grids (tens of thousands) come only as tiles, labels included.
 */
export const TILED_FETCHED_LEVELS: readonly AreaLevel[] = ['county', 'town'];

/** The levels whose collections the app loads: all, or with area tiles only TILED_FETCHED_LEVELS. */
export function fetchedAreaLevels(areaTiles: boolean): readonly AreaLevel[] {
  return areaTiles ? TILED_FETCHED_LEVELS : AREA_LEVELS;
}

/**
 * A community or grid label layer drawn from the label points of its level's area tiles
 * (MVT layer '{level}-label') instead of the label source, which then holds only the loaded levels.
 */
export function withTiledLabels<L extends LayerSpecification>(layer: L, areaTiles: boolean): L {
  const level = (['community', 'grid'] as const).find((l) => layer.id === `${l}-label`);
  if (!areaTiles || !level) return layer;
  return { ...layer, source: areaSourceId(level), 'source-layer': `${level}-label` };
}

/** The level of an area source id ('areas-grid' → 'grid'), or null for other sources. */
function areaLevelOf(source: unknown): string | null {
  return typeof source === 'string' && source.startsWith('areas-') ? source.slice('areas-'.length) : null;
}

/** Whether this map draws `level` from tiles. */
export function areaSourceIsTiled(map: MapLibreMap, level: AreaLevel): boolean {
  return map.getSource(areaSourceId(level))?.type === 'vector';
}

/** The layer as given, with its `source-layer` when it draws from a tiled area source. */
export function withAreaSourceLayer<L extends LayerSpecification>(map: MapLibreMap, layer: L): L {
  const source = 'source' in layer ? layer.source : undefined;
  const level = areaLevelOf(source);
  if (!level || map.getSource(source as string)?.type !== 'vector') return layer;
  return { ...layer, 'source-layer': level };
}

/** The feature-state target of area `id` of `level`, naming the source layer when it is tiled. */
export function areaFeatureTarget(map: MapLibreMap, level: AreaLevel, id: number | string): FeatureIdentifier {
  const source = areaSourceId(level);
  return areaSourceIsTiled(map, level) ? { source, sourceLayer: level, id } : { source, id };
}
