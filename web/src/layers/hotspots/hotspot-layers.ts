import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';

export const HOTSPOTS_SOURCE_ID = 'hotspots';

/**
 * Colours of the Gi* classes, the usual diverging red-to-blue (ColorBrewer RdBu): hot 99/95/90 %
 * deep to pale red, cold 90/95/99 % pale to deep blue. Not significant (0) is not drawn.
 */
export const HOTSPOT_BIN_COLOURS: Record<-3 | -2 | -1 | 1 | 2 | 3, string> = {
  3: '#b2182b',
  2: '#ef8a62',
  1: '#fddbc7',
  [-1]: '#d1e5f0',
  [-2]: '#67a9cf',
  [-3]: '#2166ac',
};
/** The legend's order: hottest first. */
export const HOTSPOT_LEGEND_BINS = [3, 2, 1, -1, -2, -3] as const;

const binColour = [
  'match',
  ['get', 'bin'],
  ...HOTSPOT_LEGEND_BINS.flatMap((bin) => [bin, HOTSPOT_BIN_COLOURS[bin]]),
  'rgba(0, 0, 0, 0)',
] as unknown as ExpressionSpecification;

/** Significant cells filled by class; the rest of the study area stays clear so the map reads. */
export function hotspotFillLayer(): FillLayerSpecification {
  return {
    id: 'hotspots-fill',
    type: 'fill',
    source: HOTSPOTS_SOURCE_ID,
    filter: ['!=', ['get', 'bin'], 0],
    paint: {
      'fill-color': binColour,
      'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.75, 15, 0.45],
    },
  };
}

/** A thin edge in the class colour, darker, so neighbouring hexagons of one class stay apart. */
export function hotspotOutlineLayer(): LineLayerSpecification {
  return {
    id: 'hotspots-outline',
    type: 'line',
    source: HOTSPOTS_SOURCE_ID,
    filter: ['!=', ['get', 'bin'], 0],
    paint: {
      'line-color': binColour,
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 14, 1],
      'line-opacity': 0.9,
    },
  };
}
