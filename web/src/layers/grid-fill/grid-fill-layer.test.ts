import type { AreaCollection, AreaProperties } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { choroplethColour, choroplethOpacity, FIGURE_PALETTES, gridChoropleth, gridFillLayer } from './grid-fill-layer.ts';

/** A collection of square grids with the given household and open-incident figures. */
function grids(figures: { households: number; openIncidents: number }[]): AreaCollection {
  return {
    type: 'FeatureCollection',
    numberReturned: figures.length,
    nextCursor: null,
    links: [],
    features: figures.map((figure, i) => {
      const properties: AreaProperties = {
        id: i + 1,
        code: `330681001001${String(i + 1).padStart(3, '0')}`,
        name: `第${i + 1}网格`,
        level: 'grid',
        parentId: 100,
        residents: figure.households * 3,
        staff: 4,
        labelLon: 120 + i * 0.01,
        labelLat: 29.7,
        ...figure,
      };
      const [x, y] = [120 + i * 0.01, 29.7];
      return {
        type: 'Feature' as const,
        id: i + 1,
        geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y]]] },
        properties,
      };
    }),
  };
}

const households = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000].map((n) => ({ households: n, openIncidents: 0 }));

describe('gridChoropleth', () => {
  it('computes five quantile classes of households from the grids', () => {
    const choropleth = gridChoropleth(grids(households), 'households');
    expect(choropleth.breaks).toEqual([300, 500, 700, 900]);
    expect(choropleth.classes.map((c) => [c.from, c.to])).toEqual([
      [100, 299], [300, 499], [500, 699], [700, 899], [900, null],
    ]);
    expect(choropleth.classes.map((c) => c.colour)).toEqual(FIGURE_PALETTES.households);
  });

  it('has no classes when no figure is chosen or no grids have arrived', () => {
    expect(gridChoropleth(grids(households), 'none').classes).toEqual([]);
    expect(gridChoropleth(undefined, 'households').classes).toEqual([]);
  });
});

describe('choroplethColour', () => {
  it('is a step expression over the figure with a colour per class', () => {
    const choropleth = gridChoropleth(grids(households), 'households');
    const [c0, c1, c2, c3, c4] = FIGURE_PALETTES.households;
    expect(choroplethColour(choropleth)).toEqual([
      'step', ['get', 'households'], c0, 300, c1, 500, c2, 700, c3, 900, c4,
    ]);
  });

  it('colours by open incidents with the warm palette when that figure is chosen', () => {
    const open = [0, 0, 0, 1, 1, 2, 3, 5, 8, 13].map((n) => ({ households: 10, openIncidents: n }));
    const expression = choroplethColour(gridChoropleth(grids(open), 'openIncidents')) as unknown[];
    expect(expression.slice(0, 2)).toEqual(['step', ['get', 'openIncidents']]);
    expect(expression.at(-1)).toBe(FIGURE_PALETTES.openIncidents.at(-1));
  });

  it('is a single colour when every grid has the same figure', () => {
    const same = households.map(() => ({ households: 50, openIncidents: 0 }));
    expect(typeof choroplethColour(gridChoropleth(grids(same), 'households'))).toBe('string');
  });

  it('is transparent but tints the hovered grid when no figure is chosen', () => {
    expect(choroplethColour(gridChoropleth(grids(households), 'none'))).toEqual([
      'case', ['boolean', ['feature-state', 'hover'], false], 'rgba(14,165,233,0.18)', 'rgba(0,0,0,0)',
    ]);
  });
});

describe('gridFillLayer', () => {
  it('fills the grid source, stronger under the pointer and fainter at street zoom', () => {
    const layer = gridFillLayer(gridChoropleth(grids(households), 'households'));
    expect(layer).toMatchObject({ id: 'grid-fill', type: 'fill', source: 'areas-grid' });
    const hover = ['boolean', ['feature-state', 'hover'], false];
    expect(layer.paint?.['fill-opacity']).toEqual([
      'interpolate', ['linear'], ['zoom'], 12, ['case', hover, 0.85, 0.6], 16, ['case', hover, 0.5, 0.3],
    ]);
  });

  it('dims the fill while households are drawn over it, but not the grid under the pointer', () => {
    const stops = (opacity: unknown) => JSON.stringify(opacity);
    const full = choroplethOpacity(false) as unknown[];
    const dimmed = choroplethOpacity(true) as unknown[];
    const resting = (expression: unknown[]) => (expression[4] as unknown[])[3] as number;
    const hovered = (expression: unknown[]) => (expression[4] as unknown[])[2] as number;
    expect(resting(dimmed)).toBeLessThan(resting(full) / 2);
    expect(hovered(dimmed)).toBe(hovered(full));
    expect(stops(gridFillLayer(gridChoropleth(undefined, 'none')).paint?.['fill-opacity'])).toBe(stops(full));
  });
});
