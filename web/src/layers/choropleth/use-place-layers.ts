import type { AreaCollection } from '@gridmap/shared';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { geometryBounds } from '../../map/geometry-bounds.ts';
import {
  PLACE_CHILDREN_SOURCE_ID,
  PLACE_FILL_LAYER_ID,
  PLACE_OUTLINE_LAYER_ID,
  PLACE_OUTLINE_SOURCE_ID,
  placeFillColour,
  placeLayers,
  type PlaceChoropleth,
} from './place-choropleth.ts';

type AreaFeature = AreaCollection['features'][number];

/** The fill goes under the boundary lines and points; the outline over the boundaries. */
const FILL_BEFORE_LAYER = 'households-heat';
const OUTLINE_BEFORE_LAYER = 'households-point';
/** Padding around a place when the map frames it, in pixels. */
const FIT_PADDING_PX = 36;
/** Closest zoom a fit goes to: a small grid still shows its neighbours. */
const FIT_MAX_ZOOM = 16;
/** How long the move to a new place takes, in ms. */
const FIT_DURATION_MS = 600;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Adds the place's sources and layers once the map is there (they live as long as the map). */
function ensureLayers(map: MapLibreMap, choropleth: PlaceChoropleth): void {
  if (map.getSource(PLACE_CHILDREN_SOURCE_ID)) return;
  map.addSource(PLACE_CHILDREN_SOURCE_ID, { type: 'geojson', data: EMPTY, promoteId: 'id' });
  map.addSource(PLACE_OUTLINE_SOURCE_ID, { type: 'geojson', data: EMPTY });
  const [fill, outline] = placeLayers(choropleth);
  map.addLayer(fill, map.getLayer(FILL_BEFORE_LAYER) ? FILL_BEFORE_LAYER : undefined);
  map.addLayer(outline, map.getLayer(OUTLINE_BEFORE_LAYER) ? OUTLINE_BEFORE_LAYER : undefined);
}

/**
 * Draws the place: its outline, and its children coloured by the chosen figure (`children`
 * already carry `value`; null data hides the fill, when no figure is chosen).
 */
export function usePlaceLayers(
  map: MapLibreMap | null,
  place: AreaFeature | undefined,
  children: FeatureCollection | null,
  choropleth: PlaceChoropleth,
): void {
  useEffect(() => {
    if (!map) return;
    ensureLayers(map, choropleth);
    (map.getSource(PLACE_CHILDREN_SOURCE_ID) as GeoJSONSource).setData(children ?? EMPTY);
    map.setPaintProperty(PLACE_FILL_LAYER_ID, 'fill-color', placeFillColour(choropleth));
  }, [map, children, choropleth]);

  useEffect(() => {
    if (!map) return;
    ensureLayers(map, choropleth);
    (map.getSource(PLACE_OUTLINE_SOURCE_ID) as GeoJSONSource).setData(place ? { type: 'FeatureCollection', features: [place] } : EMPTY);
    map.setLayoutProperty(PLACE_OUTLINE_LAYER_ID, 'visibility', place && place.properties.level !== 'county' ? 'visible' : 'none');
    // The outline follows the place; the choropleth effect above sets the colours.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, place]);
}

/** Frames the place whenever it changes (the county included, after the first fit of the map view). */
export function usePlaceFit(map: MapLibreMap | null, place: AreaFeature | undefined): void {
  const id = place?.id;
  const first = useRef(true);
  useEffect(() => {
    if (!map || !place) return;
    const isFirst = first.current;
    first.current = false;
    // The map view frames the county when it opens; a link to a place below it is framed here.
    if (isFirst && place.properties.level === 'county') return;
    // The right column may just have changed width (the area panel opened): measure first.
    map.resize();
    map.fitBounds(geometryBounds(place.geometry), { padding: FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, duration: FIT_DURATION_MS });
    // Only a new place moves the map; a refetch of the same area must not pull it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, id]);
}
