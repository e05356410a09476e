import type { HeatmapLayerSpecification } from 'maplibre-gl';
import { heatFilter, type AnalysisFilters } from './heat-filters.ts';

export const HEAT_SOURCE_ID = 'incident-heat';
export const HEAT_LAYER_ID = 'incident-heat';

/** Weight of one incident by severity: a major case (3) counts as much as 2.5 minor ones (1). */
export const SEVERITY_WEIGHTS: readonly [number, number][] = [
  [1, 0.4],
  [2, 0.7],
  [3, 1],
];

/** Density to colour: clear, then pale yellow through orange to deep red (YlOrRd), calm on the light map. */
export const HEAT_RAMP: readonly [number, string][] = [
  [0, 'rgba(255, 255, 178, 0)'],
  [0.12, 'rgba(254, 217, 118, 0.55)'],
  [0.35, '#feb24c'],
  [0.6, '#fd8d3c'],
  [0.8, '#f03b20'],
  [1, '#bd0026'],
];

/**
 * The heat map of incidents, weighted by severity and filtered by `filters`. Radius grows with
 * zoom (pixels at zoom 8 → 16) so that a cluster keeps its ground size roughly, and the layer
 * fades out at street zoom, where the single cases are drawn.
 */
export function heatLayer(filters: AnalysisFilters): HeatmapLayerSpecification {
  return {
    id: HEAT_LAYER_ID,
    type: 'heatmap',
    source: HEAT_SOURCE_ID,
    maxzoom: 17,
    filter: heatFilter(filters),
    paint: {
      'heatmap-weight': ['interpolate', ['linear'], ['get', 'severity'], ...SEVERITY_WEIGHTS.flat()],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 12, 1.2, 16, 2.5],
      'heatmap-radius': ['interpolate', ['exponential', 1.6], ['zoom'], 8, 5, 12, 16, 16, 60],
      'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], ...HEAT_RAMP.flat()],
      'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.85, 17, 0.25],
    },
  };
}
