import { AREA_LEVELS } from '@gridmap/shared';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { areaLabelLayers, boundaryLayers, selectedAreaLayers } from '../layers/areas/area-layers.ts';
import { AREA_LABEL_SOURCE_ID, areaSourceId } from '../layers/areas/area-sources.ts';
import { gridFillLayer, type Choropleth } from '../layers/grid-fill/grid-fill-layer.ts';
import { HOUSEHOLDS_SOURCE_ID, householdsHeatLayer, householdsPointLayer } from '../layers/households/households-layers.ts';
import type { IncidentScopeStyle } from '../layers/incidents/incident-scope.ts';
import { INCIDENTS_SOURCE_ID, incidentsBinLayer, incidentsPointLayer } from '../layers/incidents/incidents-layers.ts';
import { MEDIATION_POINTS_SOURCE_ID, mediationPointsLayer } from '../layers/mediation-points/mediation-points-layer.ts';
import { SELECTED_POINT_SOURCE_ID, selectedPointLayers } from '../layers/selection/selected-point-layers.ts';
import { tileSource } from '../layers/tile-source.ts';
import { areaTileSource } from '../layers/areas/area-tile-source.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Our sources: GeoJSON ones start empty (the map view fills them as queries resolve), tile
 * sources point at the API under `origin`. promoteId makes the area id the feature-state id.
 * With `areaTiles` (a large database) the area sources are vector tiles instead of GeoJSON.
 */
export function gridmapSources(origin: string, areaTiles = false): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {};
  for (const level of AREA_LEVELS) {
    sources[areaSourceId(level)] = areaTiles ? areaTileSource(level, origin) : { type: 'geojson', data: EMPTY, promoteId: 'id' };
  }
  sources[AREA_LABEL_SOURCE_ID] = { type: 'geojson', data: EMPTY };
  sources[MEDIATION_POINTS_SOURCE_ID] = { type: 'geojson', data: EMPTY, promoteId: 'id' };
  sources[SELECTED_POINT_SOURCE_ID] = { type: 'geojson', data: EMPTY };
  sources[HOUSEHOLDS_SOURCE_ID] = tileSource('households', origin);
  sources[INCIDENTS_SOURCE_ID] = tileSource('incidents', origin);
  return sources;
}

/**
 * Our layers in drawing order: fills, density, boundaries, points, the selected outline,
 * mediation symbols, the selected point's ring, and labels on top.
 */
export function gridmapLayers(choropleth: Choropleth, incidentScope: IncidentScopeStyle): LayerSpecification[] {
  return [
    gridFillLayer(choropleth),
    householdsHeatLayer(),
    ...boundaryLayers(),
    householdsPointLayer(),
    incidentsBinLayer(incidentScope),
    incidentsPointLayer(incidentScope),
    ...selectedAreaLayers(),
    mediationPointsLayer(),
    ...selectedPointLayers(),
    ...areaLabelLayers(),
  ];
}
