import { MEDIATION_KINDS } from '@gridmap/shared';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Choropleth } from '../layers/grid-fill/grid-fill-layer.ts';
import type { IncidentScopeStyle } from '../layers/incidents/incident-scope.ts';
import { drawMediationSymbol, SYMBOL_PIXEL_RATIO } from '../layers/mediation-points/draw-mediation-symbol.ts';
import { mediationImageId } from '../layers/mediation-points/mediation-symbols.ts';
import { withAreaSourceLayer, withTiledLabels } from '../layers/areas/area-tile-source.ts';
import { gridmapLayers, gridmapSources } from './gridmap-style.ts';

/** Adds our sources, symbol images and layers on top of whatever style is loaded; areas as tiles with `areaTiles`. */
export function addGridmapLayers(map: MapLibreMap, choropleth: Choropleth, incidentScope: IncidentScopeStyle, areaTiles = false): void {
  for (const [id, source] of Object.entries(gridmapSources(window.location.origin, areaTiles))) map.addSource(id, source);
  for (const kind of MEDIATION_KINDS) {
    const id = mediationImageId(kind);
    if (!map.hasImage(id)) map.addImage(id, drawMediationSymbol(kind), { pixelRatio: SYMBOL_PIXEL_RATIO });
  }
  for (const layer of gridmapLayers(choropleth, incidentScope)) map.addLayer(withTiledLabels(withAreaSourceLayer(map, layer), areaTiles));
}
