import { MEDIATION_KINDS } from '@gridmap/shared';
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { MAP_FONT_STACK } from '../../map/map-fonts.ts';

export const MEDIATION_POINTS_SOURCE_ID = 'mediation-points';
/** Zoom from which each point's name shows beside its symbol. */
export const MEDIATION_NAME_MIN_ZOOM = 13;
/**
 * Zoom from which community-level points (a committee in every village, ~125 in the demo) show.
 * At county zoom they pile up round every town centre; county and town points show throughout.
 */
export const COMMUNITY_POINTS_MIN_ZOOM = 11;

/**
 * Mediation points as one symbol per kind (images 'mediation-<kind>', added by the map), with
 * names at high zoom. Symbols may overlap: a command centre must see every point (community
 * ones from COMMUNITY_POINTS_MIN_ZOOM).
 */
export function mediationPointsLayer(): SymbolLayerSpecification {
  // Higher-level points draw on top: centres over committees over rooms.
  const rank = MEDIATION_KINDS.flatMap((kind, i) => [kind, MEDIATION_KINDS.length - i]);
  return {
    id: 'mediation-points',
    type: 'symbol',
    source: MEDIATION_POINTS_SOURCE_ID,
    filter: ['any', ['!=', ['get', 'level'], 'community'], ['>=', ['zoom'], COMMUNITY_POINTS_MIN_ZOOM]],
    layout: {
      'icon-image': ['concat', 'mediation-', ['get', 'kind']],
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 1.1],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['match', ['get', 'kind'], ...rank, 0] as unknown as ExpressionSpecification,
      'text-field': ['step', ['zoom'], '', MEDIATION_NAME_MIN_ZOOM, ['get', 'name']],
      'text-font': MAP_FONT_STACK,
      'text-size': 11,
      'text-anchor': 'left',
      'text-offset': [1.1, 0], // ems: clear of the symbol
      'text-optional': true,
      'text-max-width': 10,
    },
    paint: {
      'text-color': '#1e293b',
      'text-halo-color': 'rgba(255,255,255,0.9)',
      'text-halo-width': 1.2,
    },
  };
}
