import type { LayerSpecification } from 'maplibre-gl';

export const HISTORY_SOURCES = { asOf: 'history-as-of', compare: 'history-compare' } as const;

/** Width of the historic boundary lines, in pixels: above the map's own grid lines (about 1 px). */
export const HISTORY_LINE_WIDTH_PX = 2.4;
/** The boundaries as of the chosen date: solid blue. */
export const AS_OF_COLOUR = '#2563eb';
/** The boundaries of the date compared with: dashed orange, readable where the two coincide. */
export const COMPARE_COLOUR = '#ea580c';

/**
 * Two dates' boundaries on one map: the first solid, the second dashed on top, so where a line
 * did not move the dash sits on the solid line and where it moved the two part. One map rather
 * than two side by side: a moved edge of a few tens of metres is seen at a glance in one place,
 * while two maps would make the eye compare positions across a gap.
 */
export function historyLayers(): LayerSpecification[] {
  return [
    {
      id: 'history-as-of-line', type: 'line', source: HISTORY_SOURCES.asOf,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': AS_OF_COLOUR, 'line-width': HISTORY_LINE_WIDTH_PX },
    },
    {
      id: 'history-compare-line', type: 'line', source: HISTORY_SOURCES.compare,
      paint: { 'line-color': COMPARE_COLOUR, 'line-width': HISTORY_LINE_WIDTH_PX, 'line-dasharray': [2, 1.6] },
    },
  ];
}
