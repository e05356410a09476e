import type { StyleSpecification } from 'maplibre-gl';

/** Land colour under our layers when no base map is configured: light, so the data reads. */
export const BACKGROUND_COLOUR = '#eef1f4';

/**
 * Our own base style: a background and nothing else. No `glyphs` (labels use local fonts),
 * no `sprite` (symbols are drawn on a canvas), no sources: the map makes no outside request.
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'gridmap-base',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } }],
  };
}
