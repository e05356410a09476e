import type { HeatCollection, HotspotCollection } from '@gridmap/shared';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { HOTSPOTS_SOURCE_ID, hotspotFillLayer, hotspotOutlineLayer } from '../hotspots/hotspot-layers.ts';
import { heatFilter, type AnalysisFilters } from './heat-filters.ts';
import { HEAT_LAYER_ID, HEAT_SOURCE_ID, heatLayer } from './heat-layer.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const HOTSPOT_LAYER_IDS = ['hotspots-fill', 'hotspots-outline'];
/** Our layers go under the household and incident points, so single cases stay on top. */
const BELOW_LAYER = 'households-point';

/**
 * Adds the heat and hot-spot sources and layers to the map once, then keeps them in step:
 * data when it arrives, the heat filter on every change of the window (the playback), and
 * visibility. Hot-spot fills sit under the area boundaries so that the lines still read.
 */
export function useAnalysisLayers(
  map: MapLibreMap | null,
  state: { heatOn: boolean; hotspotsOn: boolean; filters: AnalysisFilters; heat?: HeatCollection; hotspots?: HotspotCollection },
): void {
  const [added, setAdded] = useState<MapLibreMap | null>(null);
  useEffect(() => {
    if (!map) return;
    if (!map.getSource(HEAT_SOURCE_ID)) {
      map.addSource(HEAT_SOURCE_ID, { type: 'geojson', data: EMPTY });
      map.addSource(HOTSPOTS_SOURCE_ID, { type: 'geojson', data: EMPTY });
      const layers = map.getStyle().layers ?? [];
      const firstLine = layers.find((layer) => layer.id.endsWith('-line'))?.id;
      const below = map.getLayer(BELOW_LAYER) ? BELOW_LAYER : undefined;
      map.addLayer({ ...hotspotFillLayer(), layout: { visibility: 'none' } }, firstLine ?? below);
      map.addLayer({ ...hotspotOutlineLayer(), layout: { visibility: 'none' } }, firstLine ?? below);
      map.addLayer({ ...heatLayer(state.filters), layout: { visibility: 'none' } }, below);
    }
    setAdded(map);
    // Added once per map; the effects below follow the state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);

  const ready = added !== null && added === map;
  useEffect(() => {
    if (ready && state.heat) (map!.getSource(HEAT_SOURCE_ID) as GeoJSONSource).setData(state.heat as unknown as FeatureCollection);
  }, [ready, map, state.heat]);
  useEffect(() => {
    if (ready && state.hotspots) (map!.getSource(HOTSPOTS_SOURCE_ID) as GeoJSONSource).setData(state.hotspots as unknown as FeatureCollection);
  }, [ready, map, state.hotspots]);
  useEffect(() => {
    if (ready) map!.setFilter(HEAT_LAYER_ID, heatFilter(state.filters));
  }, [ready, map, state.filters]);
  useEffect(() => {
    if (!ready) return;
    map!.setLayoutProperty(HEAT_LAYER_ID, 'visibility', state.heatOn ? 'visible' : 'none');
    for (const id of HOTSPOT_LAYER_IDS) map!.setLayoutProperty(id, 'visibility', state.hotspotsOn ? 'visible' : 'none');
  }, [ready, map, state.heatOn, state.hotspotsOn]);
}
