import { HOUSEHOLD_POINT_MIN_ZOOM } from '@gridmap/shared';
import type { CircleLayerSpecification, FilterSpecification, HeatmapLayerSpecification } from 'maplibre-gl';
import { IS_BIN, IS_POINT } from '../tile-source.ts';

export const HOUSEHOLDS_SOURCE_ID = 'households';

/**
 * Colours of single households: plain and migrant/renting. Key groups get no colour: their tags
 * are sensitive (DOMAIN.md) and the tiles carry no such flag until roles decide who may see them.
 */
export const HOUSEHOLD_COLOURS = { plain: '#64748b', migrant: '#0891b2' } as const;

/**
 * Heat ramp pale pink to deep magenta (ColorBrewer RdPu): apart in hue from the blue household
 * fill and the orange incident bins, and dark enough at the top to read over either. (A violet
 * ramp sat too close to the blue fill.)
 */
export const HEAT_RAMP: readonly [number, string][] = [
  [0, 'rgba(252,197,192,0)'],
  [0.15, 'rgba(252,197,192,0.7)'],
  [0.4, '#f768a1'],
  [0.7, '#ae017e'],
  [1, '#49006a'],
];

/** Density of households from the tile bins (each bin's `count` weighs in) below point zoom. */
export function householdsHeatLayer(): HeatmapLayerSpecification {
  return {
    id: 'households-heat',
    type: 'heatmap',
    source: HOUSEHOLDS_SOURCE_ID,
    'source-layer': 'households',
    maxzoom: HOUSEHOLD_POINT_MIN_ZOOM,
    filter: IS_BIN as unknown as FilterSpecification,
    paint: {
      // Bins hold 1 to a few thousand households: weigh by a log-like curve so that town
      // centres do not wash out the villages.
      'heatmap-weight': ['interpolate', ['linear'], ['get', 'count'], 0, 0, 1, 0.1, 10, 0.35, 100, 0.7, 1000, 1],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.1],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 13, 16], // pixels
      'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], ...HEAT_RAMP.flat()],
      'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.7, HOUSEHOLD_POINT_MIN_ZOOM, 0.4],
    },
  };
}

/** Single households at street zoom, migrants apart, sized by zoom. */
export function householdsPointLayer(): CircleLayerSpecification {
  return {
    id: 'households-point',
    type: 'circle',
    source: HOUSEHOLDS_SOURCE_ID,
    'source-layer': 'households',
    minzoom: HOUSEHOLD_POINT_MIN_ZOOM,
    filter: IS_POINT as unknown as FilterSpecification,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], HOUSEHOLD_POINT_MIN_ZOOM, 2.5, 18, 6],
      // to-boolean accepts true/false as well as 1/0, whichever the tile encoder wrote.
      'circle-color': [
        'case',
        ['to-boolean', ['get', 'migrant']],
        HOUSEHOLD_COLOURS.migrant,
        HOUSEHOLD_COLOURS.plain,
      ],
      'circle-opacity': 0.75,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], HOUSEHOLD_POINT_MIN_ZOOM, 0.3, 18, 1],
    },
  };
}
