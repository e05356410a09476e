import type { Coverage, CoverageSuggestions, IncidentKind } from '@gridmap/shared';
import { EARTH_RADIUS_M } from '@gridmap/shared/geo/haversine';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { ExpressionSpecification, FillLayerSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { MAP_FONT_STACK } from '../../map/map-fonts.ts';
import { areaSourceId } from '../areas/area-sources.ts';

export const COVERAGE_FILL_LAYER_ID = 'coverage-fill';
export const SUGGESTION_SOURCE_ID = 'coverage-suggestions';
export const SUGGESTION_LAYER_IDS = ['coverage-suggestion-reach', 'coverage-suggestion-edge', 'coverage-suggestion-mark', 'coverage-suggestion-rank'] as const;
/** The feature-state key on grid features that holds the uncovered share (0…1) of the chosen kind. */
export const COVERAGE_STATE_KEY = 'uncoveredShare';

/** Share of households out of reach → colour: calm where covered, dark red where most are out of reach. */
export const COVERAGE_RAMP: [number, string][] = [
  [0, '#f7fcf5'],
  [0.1, '#fee8c8'],
  [0.25, '#fdbb84'],
  [0.5, '#ef6548'],
  [0.75, '#c81d11'],
  [1, '#8c0a0a'],
];
/** Suggested places, in the violet that no other layer uses. */
export const SUGGESTION_COLOUR = '#6d28d9';
/** Vertices of a reach circle: smooth at any zoom a county is looked at. */
const CIRCLE_STEPS = 72;

/** Each grid's share of households farther than the distance from any point taking `kind`; grids without households are left out. */
export function coverageShares(coverage: Coverage, kind: IncidentKind): Map<number, number> {
  const shares = new Map<number, number>();
  for (const area of coverage.areas) {
    if (area.level !== 'grid' || area.households === 0) continue;
    shares.set(area.areaId, (area.uncovered[kind] ?? 0) / area.households);
  }
  return shares;
}

/** Grid fill by uncovered share, read from feature state; grids without a state stay clear. */
export function coverageFillLayer(): FillLayerSpecification {
  const share: ExpressionSpecification = ['feature-state', COVERAGE_STATE_KEY];
  return {
    id: COVERAGE_FILL_LAYER_ID,
    type: 'fill',
    source: areaSourceId('grid'),
    paint: {
      'fill-color': ['interpolate', ['linear'], ['coalesce', share, 0], ...COVERAGE_RAMP.flat()] as ExpressionSpecification,
      'fill-opacity': ['case', ['==', ['typeof', share], 'number'], 0.68, 0],
    },
  };
}

/** A circle of `radiusM` metres around [lon, lat] on the sphere, as a polygon. */
export function circlePolygon(lon: number, lat: number, radiusM: number, steps = CIRCLE_STEPS): Polygon {
  const rad = Math.PI / 180;
  const angular = radiusM / EARTH_RADIUS_M;
  const φ1 = lat * rad;
  const λ1 = lon * rad;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = ((i % steps) / steps) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(angular) + Math.cos(φ1) * Math.sin(angular) * Math.cos(bearing));
    const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(φ1), Math.cos(angular) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([λ2 / rad, φ2 / rad]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** Suggested places as map features: their reach (a circle of the coverage distance) and a ranked mark. */
export function suggestionData(suggestions: CoverageSuggestions | undefined): FeatureCollection {
  if (!suggestions) return { type: 'FeatureCollection', features: [] };
  const features: Feature[] = suggestions.suggestions.flatMap((s): Feature[] => [
    { type: 'Feature', properties: { role: 'reach', rank: s.rank }, geometry: circlePolygon(s.lon, s.lat, suggestions.distanceM) },
    { type: 'Feature', properties: { role: 'mark', rank: s.rank, households: s.householdIds.length }, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } },
  ]);
  return { type: 'FeatureCollection', features };
}

export function suggestionSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

export function suggestionLayers(): LayerSpecification[] {
  const [reach, edge, mark, rank] = SUGGESTION_LAYER_IDS;
  return [
    { id: reach, type: 'fill', source: SUGGESTION_SOURCE_ID, filter: ['==', ['get', 'role'], 'reach'], paint: { 'fill-color': SUGGESTION_COLOUR, 'fill-opacity': 0.08 } },
    { id: edge, type: 'line', source: SUGGESTION_SOURCE_ID, filter: ['==', ['get', 'role'], 'reach'], paint: { 'line-color': SUGGESTION_COLOUR, 'line-width': 1.5, 'line-dasharray': [2, 2] } },
    {
      id: mark,
      type: 'circle',
      source: SUGGESTION_SOURCE_ID,
      filter: ['==', ['get', 'role'], 'mark'],
      paint: { 'circle-radius': 10, 'circle-color': SUGGESTION_COLOUR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: rank,
      type: 'symbol',
      source: SUGGESTION_SOURCE_ID,
      filter: ['==', ['get', 'role'], 'mark'],
      layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': MAP_FONT_STACK, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}
