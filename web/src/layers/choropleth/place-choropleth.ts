import { FIGURE_DEFINITIONS, type AreaCollection, type Figure } from '@gridmap/shared';
import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { classColours, quantileBreaks } from '../grid-fill/class-breaks.ts';

/** Sources: the place's children with their figure values, and the place itself (outlined). */
export const PLACE_CHILDREN_SOURCE_ID = 'place-children';
export const PLACE_OUTLINE_SOURCE_ID = 'place-outline';
/** Layer ids; the fill is what a click on a child hits first. */
export const PLACE_FILL_LAYER_ID = 'place-fill';
export const PLACE_OUTLINE_LAYER_ID = 'place-outline';

/** Classes of the figure choropleth at most: five read at a glance and print apart. */
export const PLACE_CLASSES = 5;
/** Light to dark red-violet: the darker, the more a place needs attention, for every figure. */
export const ATTENTION_PALETTE = ['#fef6e4', '#fcd9a8', '#f6a36b', '#e4604e', '#a3204a'] as const;
/** Children without a value (no households, nothing concluded) in a neutral hatch-grey. */
export const NO_VALUE_COLOUR = '#d4d4d8';
/** Fill opacity of a child: the base map and boundaries stay readable underneath. */
const FILL_OPACITY = 0.62;
const OUTLINE_COLOUR = '#0f172a';
const OUTLINE_WIDTH_PX = 2.5;

/** One class of the legend: values v with from <= v < to (no bound where null). */
export interface PlaceClass {
  from: number | null;
  to: number | null;
  colour: string;
}

export interface PlaceChoropleth {
  figure: Figure;
  breaks: number[];
  classes: PlaceClass[];
}

/**
 * Quantile classes of the children's values, coloured so that the darkest class is always the
 * one needing attention: the highest values for counts of trouble, the lowest for rates of
 * success and the safety index.
 */
export function placeChoropleth(figure: Figure, values: readonly (number | null)[]): PlaceChoropleth {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return { figure, breaks: [], classes: [] };
  const breaks = quantileBreaks(present, PLACE_CLASSES);
  let colours = classColours(ATTENTION_PALETTE, breaks.length + 1);
  if (FIGURE_DEFINITIONS[figure].higherIsBetter) colours = [...colours].reverse();
  const bounds = [null, ...breaks, null];
  return { figure, breaks, classes: colours.map((colour, i) => ({ from: bounds[i], to: bounds[i + 1], colour })) };
}

/** The fill colour: a step over the child's `value`, grey where it has none. */
export function placeFillColour(choropleth: PlaceChoropleth): ExpressionSpecification | string {
  if (choropleth.classes.length === 0) return NO_VALUE_COLOUR;
  const stops: (string | number)[] = [choropleth.classes[0].colour];
  choropleth.breaks.forEach((value, i) => stops.push(value, choropleth.classes[i + 1].colour));
  const step = (choropleth.breaks.length === 0 ? choropleth.classes[0].colour : ['step', ['get', 'value'], ...stops]) as unknown as ExpressionSpecification;
  return ['case', ['==', ['typeof', ['get', 'value']], 'number'], step, NO_VALUE_COLOUR];
}

/** The children as a FeatureCollection carrying `value` (null for none), ids promoted for clicks. */
export function placeChildrenData(
  children: AreaCollection['features'],
  values: ReadonlyMap<number, number | null>,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: children.map(
      (child): Feature => ({
        type: 'Feature',
        id: child.id,
        geometry: child.geometry,
        properties: { id: child.id, level: child.properties.level, name: child.properties.name, value: values.get(child.id) ?? null },
      }),
    ),
  };
}

/** The fill of the children and the outline of the place, in drawing order. */
export function placeLayers(choropleth: PlaceChoropleth): [FillLayerSpecification, LineLayerSpecification] {
  return [
    {
      id: PLACE_FILL_LAYER_ID,
      type: 'fill',
      source: PLACE_CHILDREN_SOURCE_ID,
      paint: { 'fill-color': placeFillColour(choropleth), 'fill-opacity': FILL_OPACITY, 'fill-antialias': false },
    },
    {
      id: PLACE_OUTLINE_LAYER_ID,
      type: 'line',
      source: PLACE_OUTLINE_SOURCE_ID,
      paint: { 'line-color': OUTLINE_COLOUR, 'line-width': OUTLINE_WIDTH_PX },
    },
  ];
}
