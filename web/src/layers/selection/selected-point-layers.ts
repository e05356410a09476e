import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification } from 'maplibre-gl';
import type { Selection } from '../../map/selection.ts';
import { SELECTED_COLOUR } from '../areas/area-layers.ts';

export const SELECTED_POINT_SOURCE_ID = 'selected-point';

/** Ring radius around a selected point, in pixels: mediation symbols are larger than dots. */
const RING_RADIUS_PX = { point: 11, mediationPoint: 15 };
/** Width of the coloured ring and of the white halo under it, in pixels. */
const RING_WIDTH_PX = 2.5;
const HALO_WIDTH_PX = 5;

/** The selected incident, household or mediation point as one feature; empty for an area or nothing. */
export function selectedPointData(selection: Selection | null): FeatureCollection<Point, { kind: string }> {
  if (!selection || selection.kind === 'area') return { type: 'FeatureCollection', features: [] };
  const feature: Feature<Point, { kind: string }> = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [...selection.at] },
    properties: { kind: selection.kind },
  };
  return { type: 'FeatureCollection', features: [feature] };
}

function ringLayer(id: string, colour: string, width: number): CircleLayerSpecification {
  return {
    id,
    type: 'circle',
    source: SELECTED_POINT_SOURCE_ID,
    paint: {
      'circle-radius': ['match', ['get', 'kind'], 'mediationPoint', RING_RADIUS_PX.mediationPoint, RING_RADIUS_PX.point],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': colour,
      'circle-stroke-width': width,
      'circle-pitch-alignment': 'map',
    },
  };
}

/**
 * A ring around the selected point, as the selected area has its outline: a white halo so that
 * it reads on any fill, and the selection colour over it.
 */
export function selectedPointLayers(): CircleLayerSpecification[] {
  return [
    ringLayer('selected-point-halo', 'rgba(255,255,255,0.95)', HALO_WIDTH_PX),
    ringLayer('selected-point-ring', SELECTED_COLOUR, RING_WIDTH_PX),
  ];
}
