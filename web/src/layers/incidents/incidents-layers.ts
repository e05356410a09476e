import { INCIDENT_POINT_MIN_ZOOM, INCIDENT_STATUSES } from '@gridmap/shared';
import type { CircleLayerSpecification, DataDrivenPropertyValueSpecification, ExpressionSpecification } from 'maplibre-gl';
import { IS_OPEN, type IncidentScopeStyle } from './incident-scope.ts';
import { INCIDENT_STATUS_COLOURS, OVERDUE_RING_COLOUR } from './incident-status-colours.ts';

export const INCIDENTS_SOURCE_ID = 'incidents';
/** Opacity of incidents no longer being handled, and of bins without an open case. */
const CLOSED_OPACITY = 0.45;

/** Bin colour by its open count: grey when all are handled, deeper orange the more are open. */
export const BIN_OPEN_RAMP: readonly [number, string][] = [
  [0, '#94a3b8'],
  [1, '#fed7aa'],
  [5, '#fb923c'],
  [20, '#ea580c'],
  [60, '#9a3412'],
];

/** `match` expression from status to its colour, grey for anything unknown. */
export function statusColourExpression(): DataDrivenPropertyValueSpecification<string> {
  const pairs = INCIDENT_STATUSES.flatMap((status) => [status, INCIDENT_STATUS_COLOURS[status]]);
  return ['match', ['get', 'status'], ...pairs, '#9ca3af'] as unknown as ExpressionSpecification;
}

/** Incidents aggregated into bins below point zoom: area grows with the scope's count, colour with open. */
export function incidentsBinLayer(scope: IncidentScopeStyle): CircleLayerSpecification {
  return {
    id: 'incidents-bin',
    type: 'circle',
    source: INCIDENTS_SOURCE_ID,
    'source-layer': 'incidents',
    maxzoom: INCIDENT_POINT_MIN_ZOOM,
    filter: scope.binFilter,
    paint: {
      'circle-radius': scope.binRadius,
      'circle-color': ['interpolate', ['linear'], ['get', 'open'], ...BIN_OPEN_RAMP.flat()],
      'circle-opacity': ['case', ['>', ['get', 'open'], 0], 0.9, CLOSED_OPACITY],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['case', ['>', ['get', 'open'], 0], 0.6, 0],
    },
  };
}

/**
 * Single incidents of the scope at and above point zoom: colour by status, size by severity,
 * a red ring and a larger dot when overdue.
 */
export function incidentsPointLayer(scope: IncidentScopeStyle): CircleLayerSpecification {
  const overdue: ExpressionSpecification = ['to-boolean', ['get', 'overdue']];
  const open = IS_OPEN;
  return {
    id: 'incidents-point',
    type: 'circle',
    source: INCIDENTS_SOURCE_ID,
    'source-layer': 'incidents',
    minzoom: INCIDENT_POINT_MIN_ZOOM,
    filter: scope.pointFilter,
    layout: {
      // Open and overdue cases draw above the many closed ones.
      'circle-sort-key': ['case', overdue, 2, open, 1, 0],
    },
    paint: {
      // Two years of cases are mostly closed: those stay small and faint so the open ones read.
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        INCIDENT_POINT_MIN_ZOOM,
        ['case', open, ['match', ['get', 'severity'], 3, 4.5, 2, 3.5, 3], 1.8],
        17,
        ['case', open, ['match', ['get', 'severity'], 3, 9, 2, 7.5, 6], 4],
      ],
      'circle-color': statusColourExpression(),
      'circle-stroke-color': ['case', overdue, OVERDUE_RING_COLOUR, '#ffffff'],
      'circle-stroke-width': ['case', overdue, 2, open, 0.8, 0],
      'circle-opacity': ['case', open, 1, CLOSED_OPACITY],
    },
  };
}
