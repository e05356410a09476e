import type { CircleLayerSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { statusColourExpression } from '../incidents/incidents-layers.ts';
import { OVERDUE_RING_COLOUR } from '../incidents/incident-status-colours.ts';

export const LIVE_SOURCE_ID = 'live-incidents';
export const LIVE_POINT_LAYER_ID = 'live-incidents';
export const LIVE_PULSE_LAYER_ID = 'live-incidents-pulse';
/** One pulse of a fresh incident: the ring grows and fades over this long, in ms. */
export const PULSE_PERIOD_MS = 1_600;
/** Largest radius of the pulse ring, in pixels. */
const PULSE_MAX_RADIUS_PX = 26;

export function liveSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}


/** Incidents the live feed mentions, as they are now, drawn above the tiles with a white ring. */
export function livePointLayer(): CircleLayerSpecification {
  return {
    id: LIVE_POINT_LAYER_ID,
    type: 'circle',
    source: LIVE_SOURCE_ID,
    paint: {
      'circle-color': statusColourExpression(),
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['+', 3, ['get', 'severity']], 16, ['+', 6, ['*', 2, ['get', 'severity']]]],
      'circle-stroke-width': ['case', ['==', ['get', 'overdue'], 1], 2.5, 1.5],
      'circle-stroke-color': ['case', ['==', ['get', 'overdue'], 1], OVERDUE_RING_COLOUR, '#ffffff'],
      'circle-opacity': ['case', ['==', ['get', 'status'], 'closed'], 0.55, 1],
    },
  };
}

/** The expanding ring around newly reported incidents; its radius and opacity follow `phase`. */
export function livePulseLayer(phase = 0): CircleLayerSpecification {
  return {
    id: LIVE_PULSE_LAYER_ID,
    type: 'circle',
    source: LIVE_SOURCE_ID,
    filter: ['==', ['get', 'fresh'], 1],
    paint: pulsePaint(phase),
  };
}

/** Paint of the pulse ring at `phase` (0 … 1 through one pulse). */
export function pulsePaint(phase: number) {
  return {
    'circle-color': 'rgba(0, 0, 0, 0)',
    'circle-radius': 6 + phase * (PULSE_MAX_RADIUS_PX - 6),
    'circle-stroke-width': 2,
    'circle-stroke-color': OVERDUE_RING_COLOUR,
    'circle-stroke-opacity': 1 - phase,
  } satisfies CircleLayerSpecification['paint'];
}
