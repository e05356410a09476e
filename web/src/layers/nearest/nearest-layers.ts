import type { Feature, FeatureCollection } from 'geojson';
import type { CircleLayerSpecification, GeoJSONSourceSpecification, LayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { MAP_FONT_STACK } from '../../map/map-fonts.ts';

export const NEAREST_SOURCE_ID = 'nearest-mediation';
export const NEAREST_LINE_LAYER_ID = 'nearest-lines';
export const NEAREST_ORIGIN_LAYER_ID = 'nearest-origin';
export const NEAREST_CANDIDATE_LAYER_ID = 'nearest-candidates';
export const NEAREST_RANK_LAYER_ID = 'nearest-ranks';

/** Teal of the nearest search: apart from the status colours of incidents and the blue of selection. */
export const NEAREST_COLOUR = '#0f766e';
/** The place the search starts from. */
const ORIGIN_COLOUR = '#b91c1c';

/** A candidate as the layers draw it: where, and its rank in the answer (1 = nearest). */
export interface NearestCandidateMark {
  id: number;
  coordinates: [number, number];
  rank: number;
}

export function nearestSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

/**
 * The search as map features: the origin, a straight line from it to each candidate (the
 * great-circle distance is what the list shows; at county scale the line is straight), and each
 * candidate with its rank. `chosenId` marks the candidate picked in the list.
 */
export function nearestData(origin: [number, number] | null, candidates: readonly NearestCandidateMark[], chosenId: number | null): FeatureCollection {
  if (!origin) return { type: 'FeatureCollection', features: [] };
  const chosen = (id: number) => (id === chosenId ? 1 : 0);
  const features: Feature[] = [
    ...candidates.map((c): Feature => ({
      type: 'Feature',
      properties: { role: 'line', rank: c.rank, chosen: chosen(c.id) },
      geometry: { type: 'LineString', coordinates: [origin, c.coordinates] },
    })),
    ...candidates.map((c): Feature => ({
      type: 'Feature',
      id: c.id,
      properties: { role: 'candidate', id: c.id, rank: c.rank, chosen: chosen(c.id) },
      geometry: { type: 'Point', coordinates: c.coordinates },
    })),
    { type: 'Feature', properties: { role: 'origin' }, geometry: { type: 'Point', coordinates: origin } },
  ];
  return { type: 'FeatureCollection', features };
}

/** Lines under the marks; the chosen candidate's line solid and wider, the others dashed. */
export function nearestLayers(): LayerSpecification[] {
  const lines: LineLayerSpecification = {
    id: NEAREST_LINE_LAYER_ID,
    type: 'line',
    source: NEAREST_SOURCE_ID,
    filter: ['==', ['get', 'role'], 'line'],
    layout: { 'line-cap': 'round' },
    paint: {
      'line-color': NEAREST_COLOUR,
      'line-width': ['case', ['==', ['get', 'chosen'], 1], 3.5, 2],
      'line-opacity': ['case', ['==', ['get', 'chosen'], 1], 0.95, 0.7],
      'line-dasharray': [3, 2],
    },
  };
  const candidates: CircleLayerSpecification = {
    id: NEAREST_CANDIDATE_LAYER_ID,
    type: 'circle',
    source: NEAREST_SOURCE_ID,
    filter: ['==', ['get', 'role'], 'candidate'],
    paint: {
      'circle-radius': ['case', ['==', ['get', 'chosen'], 1], 11, 9],
      'circle-color': ['case', ['==', ['get', 'chosen'], 1], NEAREST_COLOUR, '#ffffff'],
      'circle-stroke-color': NEAREST_COLOUR,
      'circle-stroke-width': 2,
    },
  };
  const ranks: SymbolLayerSpecification = {
    id: NEAREST_RANK_LAYER_ID,
    type: 'symbol',
    source: NEAREST_SOURCE_ID,
    filter: ['==', ['get', 'role'], 'candidate'],
    layout: {
      'text-field': ['to-string', ['get', 'rank']],
      'text-font': MAP_FONT_STACK,
      'text-size': 12,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': ['case', ['==', ['get', 'chosen'], 1], '#ffffff', NEAREST_COLOUR] },
  };
  const origin: CircleLayerSpecification = {
    id: NEAREST_ORIGIN_LAYER_ID,
    type: 'circle',
    source: NEAREST_SOURCE_ID,
    filter: ['==', ['get', 'role'], 'origin'],
    paint: { 'circle-radius': 7, 'circle-color': ORIGIN_COLOUR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
  };
  return [lines, candidates, ranks, origin];
}
