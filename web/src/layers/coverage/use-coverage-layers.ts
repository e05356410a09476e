import type { CoverageSuggestions } from '@gridmap/shared';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { areaFeatureTarget, withAreaSourceLayer } from '../areas/area-tile-source.ts';
import {
  COVERAGE_FILL_LAYER_ID,
  COVERAGE_STATE_KEY,
  coverageFillLayer,
  SUGGESTION_LAYER_IDS,
  SUGGESTION_SOURCE_ID,
  suggestionData,
  suggestionLayers,
  suggestionSource,
} from './coverage-layers.ts';

/** The coverage fill goes under the boundary lines, so that grids stay outlined. */
const FILL_BEFORE_LAYER = 'grid-line';

/** Adds the coverage layers to `map` once, hidden: the fill under the boundary lines, the suggestions on top. */
export function useCoverageLayersAdded(map: MapLibreMap | null): void {
  useEffect(() => {
    if (!map || map.getLayer(COVERAGE_FILL_LAYER_ID)) return;
    map.addLayer(withAreaSourceLayer(map, coverageFillLayer()), map.getLayer(FILL_BEFORE_LAYER) ? FILL_BEFORE_LAYER : undefined);
    map.addSource(SUGGESTION_SOURCE_ID, suggestionSource());
    for (const layer of suggestionLayers()) map.addLayer(layer);
    setVisible(map, false);
  }, [map]);
}

/**
 * Shows coverage while the calling component is mounted: each grid filled by its uncovered share
 * (feature state on the grid source, so no area geometry is sent twice) and the suggested places.
 * Unmounting hides them and clears the grids' state.
 */
export function useCoverageData(map: MapLibreMap | null, shares: ReadonlyMap<number, number>, suggestions: CoverageSuggestions | undefined): void {
  useEffect(() => {
    if (!map || !map.getLayer(COVERAGE_FILL_LAYER_ID)) return;
    for (const [id, share] of shares) map.setFeatureState(areaFeatureTarget(map, 'grid', id), { [COVERAGE_STATE_KEY]: share });
    setVisible(map, true);
    return () => {
      for (const id of shares.keys()) map.removeFeatureState(areaFeatureTarget(map, 'grid', id), COVERAGE_STATE_KEY);
      setVisible(map, false);
    };
  }, [map, shares]);

  useEffect(() => {
    (map?.getSource(SUGGESTION_SOURCE_ID) as GeoJSONSource | undefined)?.setData(suggestionData(suggestions));
  }, [map, suggestions]);
}

function setVisible(map: MapLibreMap, visible: boolean): void {
  const visibility = visible ? 'visible' : 'none';
  for (const id of [COVERAGE_FILL_LAYER_ID, ...SUGGESTION_LAYER_IDS]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility);
}
