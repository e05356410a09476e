import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { HISTORY_SOURCES, historyLayers } from './history-layers.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Draws the boundaries of two dates over the map while the history is shown. */
export function useHistoryLayers(map: MapLibreMap | null, asOf: FeatureCollection | undefined, compare: FeatureCollection | undefined): void {
  useEffect(() => {
    if (!map) return;
    for (const id of Object.values(HISTORY_SOURCES)) map.addSource(id, { type: 'geojson', data: EMPTY });
    for (const layer of historyLayers()) map.addLayer(layer);
    return () => {
      if (!map.style) return; // the map itself is gone
      for (const layer of historyLayers()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      for (const id of Object.values(HISTORY_SOURCES)) if (map.getSource(id)) map.removeSource(id);
    };
  }, [map]);
  useEffect(() => {
    (map?.getSource(HISTORY_SOURCES.asOf) as GeoJSONSource | undefined)?.setData(asOf ?? EMPTY);
  }, [map, asOf]);
  useEffect(() => {
    (map?.getSource(HISTORY_SOURCES.compare) as GeoJSONSource | undefined)?.setData(compare ?? EMPTY);
  }, [map, compare]);
}
