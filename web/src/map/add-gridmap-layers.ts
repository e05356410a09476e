import { AREA_LEVELS, MEDIATION_KINDS } from '@gridmap/shared';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { areaLabelLayers, boundaryLayers, selectedAreaLayers } from '../layers/areas/area-layers.ts';
import { AREA_LABEL_SOURCE_ID, areaSourceId } from '../layers/areas/area-sources.ts';
import { gridFillLayer, type Choropleth } from '../layers/grid-fill/grid-fill-layer.ts';
import { HOUSEHOLDS_SOURCE_ID, householdsHeatLayer, householdsPointLayer } from '../layers/households/households-layers.ts';
import { INCIDENTS_SOURCE_ID, incidentsBinLayer, incidentsPointLayer } from '../layers/incidents/incidents-layers.ts';
import { drawMediationSymbol, SYMBOL_PIXEL_RATIO } from '../layers/mediation-points/draw-mediation-symbol.ts';
import { MEDIATION_POINTS_SOURCE_ID, mediationPointsLayer } from '../layers/mediation-points/mediation-points-layer.ts';
import { mediationImageId } from '../layers/mediation-points/mediation-symbols.ts';
import { tileSource } from '../layers/tile-source.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function geojsonSource(promoteId?: string): GeoJSONSourceSpecification {
  // promoteId makes the area id the feature-state id whatever the feature id's type.
  return { type: 'geojson', data: EMPTY, ...(promoteId ? { promoteId } : {}) };
}

/**
 * Adds our sources, symbol images and layers on top of whatever style is loaded, in drawing
 * order: fills, density, boundaries, points, selection, symbols, labels. Sources start empty;
 * the map view fills them as queries resolve.
 */
export function addGridmapLayers(map: MapLibreMap, choropleth: Choropleth): void {
  for (const level of AREA_LEVELS) map.addSource(areaSourceId(level), geojsonSource('id'));
  map.addSource(AREA_LABEL_SOURCE_ID, geojsonSource());
  map.addSource(MEDIATION_POINTS_SOURCE_ID, geojsonSource('id'));
  map.addSource(HOUSEHOLDS_SOURCE_ID, tileSource('households', window.location.origin));
  map.addSource(INCIDENTS_SOURCE_ID, tileSource('incidents', window.location.origin));

  for (const kind of MEDIATION_KINDS) {
    const id = mediationImageId(kind);
    if (!map.hasImage(id)) map.addImage(id, drawMediationSymbol(kind), { pixelRatio: SYMBOL_PIXEL_RATIO });
  }

  const layers = [
    gridFillLayer(choropleth),
    householdsHeatLayer(),
    ...boundaryLayers(),
    householdsPointLayer(),
    incidentsBinLayer(),
    incidentsPointLayer(),
    ...selectedAreaLayers(),
    mediationPointsLayer(),
    ...areaLabelLayers(),
  ];
  for (const layer of layers) map.addLayer(layer);
}
