import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { NEAREST_SOURCE_ID, nearestData, nearestLayers, nearestSource, type NearestCandidateMark } from './nearest-layers.ts';

/** Adds the nearest-search source and layers to `map` once, above the layers already there. */
export function useNearestLayersAdded(map: MapLibreMap | null): void {
  useEffect(() => {
    if (!map || map.getSource(NEAREST_SOURCE_ID)) return;
    map.addSource(NEAREST_SOURCE_ID, nearestSource());
    for (const layer of nearestLayers()) map.addLayer(layer);
  }, [map]);
}

/** Draws a search: the place, lines to its candidates and their ranks (nothing when `origin` is null). */
export function useNearestData(
  map: MapLibreMap | null,
  origin: [number, number] | null,
  candidates: readonly NearestCandidateMark[],
  chosenId: number | null,
): void {
  useEffect(() => {
    (map?.getSource(NEAREST_SOURCE_ID) as GeoJSONSource | undefined)?.setData(nearestData(origin, candidates, chosenId));
  }, [map, origin, candidates, chosenId]);
}
