import { INCIDENT_POINT_MIN_ZOOM, INCIDENT_STATUSES } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUS_COLOURS } from './incident-status-colours.ts';
import { incidentScopeStyle } from './incident-scope.ts';
import { incidentsBinLayer, incidentsPointLayer, statusColourExpression } from './incidents-layers.ts';

const ALL = incidentScopeStyle('all', '2025-04-01');
const OPEN = incidentScopeStyle('open', '2025-04-01');

describe('incident layers', () => {
  it('show bins below point zoom and single incidents from it, from the same tile layer', () => {
    const bins = incidentsBinLayer(ALL);
    const points = incidentsPointLayer(ALL);
    expect(bins).toMatchObject({ source: 'incidents', 'source-layer': 'incidents', maxzoom: INCIDENT_POINT_MIN_ZOOM });
    expect(points).toMatchObject({ source: 'incidents', 'source-layer': 'incidents', minzoom: INCIDENT_POINT_MIN_ZOOM });
    expect(bins.filter).toEqual(['has', 'count']);
    expect(points.filter).toEqual(['!', ['has', 'count']]);
  });

  it('take their filters from the scope', () => {
    expect(incidentsPointLayer(OPEN).filter).toEqual(OPEN.pointFilter);
    expect(incidentsBinLayer(OPEN).filter).toEqual(OPEN.binFilter);
    expect(incidentsBinLayer(OPEN).paint?.['circle-radius']).toEqual(OPEN.binRadius);
  });

  it('colour every status, with a grey fallback', () => {
    const expression = statusColourExpression() as unknown[];
    for (const status of INCIDENT_STATUSES) {
      expect(expression[expression.indexOf(status) + 1]).toBe(INCIDENT_STATUS_COLOURS[status]);
    }
    expect(expression.at(-1)).toBe('#9ca3af');
  });

  it('ring overdue incidents in red', () => {
    expect(incidentsPointLayer(ALL).paint?.['circle-stroke-color']).toEqual([
      'case', ['to-boolean', ['get', 'overdue']], '#dc2626', '#ffffff',
    ]);
  });

  it('keep open stages warm, resolved green and closed grey', () => {
    expect(INCIDENT_STATUS_COLOURS.resolved).toBe('#16a34a');
    expect(INCIDENT_STATUS_COLOURS.closed).toBe('#9ca3af');
    expect(new Set(INCIDENT_STATUSES.map((status) => INCIDENT_STATUS_COLOURS[status])).size).toBe(INCIDENT_STATUSES.length);
  });
});
