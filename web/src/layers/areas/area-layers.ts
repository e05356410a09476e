import type { AreaLevel } from '@gridmap/shared';
import type { ExpressionSpecification, LayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { MAP_FONT_STACK } from '../../map/map-fonts.ts';
import { AREA_LABEL_SOURCE_ID, areaSourceId } from './area-sources.ts';

/** Zoom range in which each level's boundary is drawn: coarse levels give way to finer ones. */
export const BOUNDARY_ZOOMS: Record<AreaLevel, { min: number; max: number }> = {
  county: { min: 0, max: 24 },
  town: { min: 0, max: 12.5 },
  // Communities stay outlined as long as they are named (LABEL_ZOOMS), so that a user sees which
  // grids belong together.
  community: { min: 11, max: 15.5 },
  grid: { min: 12.5, max: 24 },
};

/** Zoom range of each level's labels: towns at county view, communities mid, grids close up. */
export const LABEL_ZOOMS: Record<Exclude<AreaLevel, 'county'>, { min: number; max: number }> = {
  town: { min: 8, max: 11.5 },
  // Communities stay named over their grids until street zoom, as grid labels are short ('第二网格').
  community: { min: 11.5, max: 15.5 },
  grid: { min: 14, max: 24 },
};

/**
 * Line colour per level: darker and heavier the higher the level, all in one slate family. A
 * community, the coarsest line left once towns give way (z12.5), takes the town's dark slate.
 */
export const BOUNDARY_COLOURS: Record<AreaLevel, string> = {
  county: '#1e293b',
  town: '#475569',
  community: '#334155',
  grid: '#94a3b8',
};

/**
 * Line width per level as [zoom, pixels] stops. Communities stay under towns while both show,
 * then step up to nearly twice a grid line once they are what groups the grids (z13–15).
 */
const BOUNDARY_WIDTHS: Record<AreaLevel, [zoom: number, px: number][]> = {
  county: [[8, 2.5], [15, 4]],
  town: [[8, 1.2], [15, 2]],
  community: [[11, 0.9], [12.5, 1.3], [13, 1.7], [15, 2.6]],
  grid: [[8, 0.6], [15, 1.2]],
};

/** Dash of a community line, in line widths: long dashes, short gaps, so it reads as a line. */
const COMMUNITY_DASH = [3, 1.2];

/** Colour of the outline of the selected area. */
export const SELECTED_COLOUR = '#0ea5e9';

function lineLayer(level: AreaLevel): LineLayerSpecification {
  const { min, max } = BOUNDARY_ZOOMS[level];
  return {
    id: `${level}-line`,
    type: 'line',
    source: areaSourceId(level),
    ...(min > 0 ? { minzoom: min } : {}),
    ...(max < 24 ? { maxzoom: max } : {}),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': BOUNDARY_COLOURS[level],
      'line-width': ['interpolate', ['linear'], ['zoom'], ...BOUNDARY_WIDTHS[level].flat()],
      // Communities are dashed so that they read apart from grids where both show (z12.5–15.5).
      ...(level === 'community' ? { 'line-dasharray': COMMUNITY_DASH } : {}),
      'line-opacity': level === 'grid' ? 0.9 : 1,
    },
  };
}

function labelLayer(level: Exclude<AreaLevel, 'county'>): SymbolLayerSpecification {
  const { min, max } = LABEL_ZOOMS[level];
  // Text size in pixels; a community grows a little where it heads its (short-named) grids.
  const size: Record<typeof level, number | ExpressionSpecification> = {
    town: 14,
    community: ['interpolate', ['linear'], ['zoom'], 12, 12, 14, 13],
    grid: 11,
  };
  return {
    id: `${level}-label`,
    type: 'symbol',
    source: AREA_LABEL_SOURCE_ID,
    minzoom: min,
    ...(max < 24 ? { maxzoom: max } : {}),
    filter: ['==', ['get', 'level'], level],
    layout: {
      // Grids read short under their community's label, in full once that label gives way.
      'text-field':
        level === 'grid' ? ['step', ['zoom'], ['get', 'label'], LABEL_ZOOMS.community.max, ['get', 'name']] : ['get', 'label'],
      'text-font': MAP_FONT_STACK,
      'text-size': size[level],
      'text-max-width': 8, // ems: long village names wrap instead of running over neighbours
      'text-padding': 4,
    },
    paint: {
      'text-color': level === 'town' ? '#0f172a' : level === 'community' ? '#1e293b' : '#475569',
      'text-halo-color': 'rgba(255,255,255,0.9)',
      'text-halo-width': 1.5,
    },
  };
}

/** An outline drawn only for the feature whose state says `selected`, at every zoom. */
function selectedLayer(level: AreaLevel): LineLayerSpecification {
  return {
    id: `${level}-selected`,
    type: 'line',
    source: areaSourceId(level),
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': SELECTED_COLOUR,
      'line-width': 3,
      'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
    },
  };
}

/** Boundary lines of every level, finest first so that coarser lines draw over finer ones. */
export function boundaryLayers(): LayerSpecification[] {
  return (['grid', 'community', 'town', 'county'] as const).map(lineLayer);
}

/** Selected-area outlines, drawn above every boundary. */
export function selectedAreaLayers(): LayerSpecification[] {
  return (['grid', 'community', 'town', 'county'] as const).map(selectedLayer);
}

/** Area labels; drawn last so that they stay above points. */
export function areaLabelLayers(): LayerSpecification[] {
  return (['grid', 'community', 'town'] as const).map(labelLayer);
}

/** Layer ids that make up the boundaries of one level (line and label), for the layer switches. */
export function boundaryLayerIds(level: AreaLevel): string[] {
  return level === 'county' ? ['county-line'] : [`${level}-line`, `${level}-label`];
}
