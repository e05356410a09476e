import type { AreaCollection } from '@gridmap/shared';
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl';
import { areaSourceId } from '../areas/area-sources.ts';
import { classColours, classRanges, quantileBreaks, type ClassRange } from './class-breaks.ts';

/** What the grid fill shows: nothing, households per grid, or open incidents per grid. */
export const GRID_FIGURES = ['none', 'households', 'openIncidents'] as const;
export type GridFigure = (typeof GRID_FIGURES)[number];

/** Classes of the choropleth at most; five read at a glance and separate well in print. */
export const CHOROPLETH_CLASSES = 5;

/** Sequential palettes light to dark: blues for people, oranges for open cases (warm = work). */
export const FIGURE_PALETTES: Record<Exclude<GridFigure, 'none'>, readonly string[]> = {
  households: ['#eff6ff', '#bfdbfe', '#7fb0f0', '#3b82f6', '#1d4ed8'],
  openIncidents: ['#fff7ed', '#fed7aa', '#fdba74', '#f97316', '#c2410c'],
};

/** Fill opacity of a grid and of the grid under the pointer at county zoom, and at street
 * zoom (STREET_ZOOM), where the fill steps back behind points and labels. */
const FILL_OPACITY = { county: 0.6, street: 0.3 };
const HOVER_FILL_OPACITY = { county: 0.85, street: 0.5 };
/** Factor on the fill opacity while the household density is drawn over it, so the heat reads. */
const DIMMED_FACTOR = 0.35;
const COUNTY_ZOOM = 12;
const STREET_ZOOM = 16;
/** Hover tint when no figure is chosen, so the grid under the pointer still shows. */
const HOVER_TINT = 'rgba(14,165,233,0.18)';
const TRANSPARENT = 'rgba(0,0,0,0)';

export interface Choropleth {
  figure: GridFigure;
  breaks: number[];
  classes: ClassRange[];
}

/** Class breaks and legend classes of a figure over the grids; no classes for 'none'. */
export function gridChoropleth(grids: AreaCollection | undefined, figure: GridFigure): Choropleth {
  if (figure === 'none' || !grids || grids.features.length === 0) return { figure, breaks: [], classes: [] };
  const values = grids.features.map((feature) => feature.properties[figure]);
  const breaks = quantileBreaks(values, CHOROPLETH_CLASSES);
  const colours = classColours(FIGURE_PALETTES[figure], breaks.length + 1);
  return { figure, breaks, classes: classRanges(Math.min(...values), breaks, colours) };
}

/** `step` expression colouring a grid by its class: ['step', ['get', figure], c0, b1, c1, …]. */
export function choroplethColour(choropleth: Choropleth): DataDrivenPropertyValueSpecification<string> {
  const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
  if (choropleth.figure === 'none' || choropleth.classes.length === 0) {
    return ['case', hover, HOVER_TINT, TRANSPARENT];
  }
  if (choropleth.breaks.length === 0) return choropleth.classes[0].colour;
  const stops: (string | number)[] = [choropleth.classes[0].colour];
  choropleth.breaks.forEach((value, i) => stops.push(value, choropleth.classes[i + 1].colour));
  return ['step', ['get', choropleth.figure], ...stops] as unknown as ExpressionSpecification;
}

/**
 * Fill opacity: stronger under the pointer, fainter at street zoom, and `dimmed` (much fainter)
 * while households are on, whose density ramp would otherwise drown in the fill.
 */
export function choroplethOpacity(dimmed = false): DataDrivenPropertyValueSpecification<number> {
  const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
  const f = dimmed ? DIMMED_FACTOR : 1;
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    COUNTY_ZOOM,
    ['case', hover, HOVER_FILL_OPACITY.county, FILL_OPACITY.county * f],
    STREET_ZOOM,
    ['case', hover, HOVER_FILL_OPACITY.street, FILL_OPACITY.street * f],
  ];
}

/**
 * The grid fill layer. It stays visible with a transparent colour when no figure is chosen,
 * because it is also what a click on a grid hits.
 */
export function gridFillLayer(choropleth: Choropleth): FillLayerSpecification {
  return {
    id: 'grid-fill',
    type: 'fill',
    source: areaSourceId('grid'),
    paint: {
      'fill-color': choroplethColour(choropleth),
      'fill-opacity': choroplethOpacity(),
      'fill-antialias': false, // the grid-line layer draws edges; AA here doubles them
    },
  };
}
