import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { gridChoropleth } from '../layers/grid-fill/grid-fill-layer.ts';
import { incidentScopeStyle, INCIDENT_SCOPES } from '../layers/incidents/incident-scope.ts';
import { baseStyle } from './base-style.ts';
import { gridmapLayers, gridmapSources } from './gridmap-style.ts';

const TEST_HOOK_LAYERS = [
  'grid-fill', 'grid-line', 'community-line', 'town-line', 'county-line', 'grid-label', 'community-label',
  'town-label', 'households-heat', 'households-point', 'incidents-bin', 'incidents-point', 'mediation-points',
];
const TEST_HOOK_SOURCES = [
  'areas-grid', 'areas-community', 'areas-town', 'areas-county', 'households', 'incidents', 'mediation-points',
];

function fullStyle(figure: 'none' | 'households', scope: (typeof INCIDENT_SCOPES)[number] = 'open') {
  const base = baseStyle();
  const none = gridChoropleth(undefined, figure);
  const layers = gridmapLayers(none, incidentScopeStyle(scope, '2025-04-01'));
  return { ...base, sources: gridmapSources('http://localhost:8080'), layers: [...base.layers, ...layers] };
}

describe('the GridMap style', () => {
  it('is a valid MapLibre style with every source and layer', () => {
    for (const scope of INCIDENT_SCOPES) expect(validateStyleMin(fullStyle('none', scope))).toEqual([]);
  });

  it('has the layer and source ids the browser tests rely on', () => {
    const style = fullStyle('none');
    const layerIds = style.layers.map((layer) => layer.id);
    for (const id of TEST_HOOK_LAYERS) expect(layerIds).toContain(id);
    for (const id of TEST_HOOK_SOURCES) expect(Object.keys(style.sources)).toContain(id);
  });

  it('makes no request outside the given origin: no glyphs, no sprite, tiles on the API', () => {
    const style = fullStyle('households');
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const urls = Object.values(style.sources).flatMap((source) => ('tiles' in source ? (source.tiles ?? []) : []));
    expect(urls).toEqual([
      'http://localhost:8080/api/tiles/households/{z}/{x}/{y}.mvt',
      'http://localhost:8080/api/tiles/incidents/{z}/{x}/{y}.mvt',
    ]);
  });

  it('draws labels above points and points above boundaries', () => {
    const ids = fullStyle('none').layers.map((layer) => layer.id);
    expect(ids.indexOf('town-label')).toBeGreaterThan(ids.indexOf('mediation-points'));
    expect(ids.indexOf('incidents-point')).toBeGreaterThan(ids.indexOf('county-line'));
    expect(ids.indexOf('grid-fill')).toBeLessThan(ids.indexOf('grid-line'));
    expect(ids.indexOf('selected-point-ring')).toBeGreaterThan(ids.indexOf('mediation-points'));
  });
});
