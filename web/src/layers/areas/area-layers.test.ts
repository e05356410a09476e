import type { AreaCollection } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { areaLabelLayers, BOUNDARY_COLOURS, BOUNDARY_ZOOMS, boundaryLayers, selectedAreaLayers } from './area-layers.ts';
import { areaLabelPoints, shortAreaName } from './area-label-points.ts';

/** A line layer's width in pixels at `zoom`, evaluated as MapLibre does. */
function lineWidthAt(layer: LayerSpecification, zoom: number): number {
  if (layer.type !== 'line') throw new Error(`${layer.id} is not a line layer`);
  const parsed = createExpression(layer.paint?.['line-width'], `layers[${layer.id}].paint.line-width`);
  if (parsed.result !== 'success') throw new Error(`${layer.id}: bad line-width`);
  return parsed.value.evaluate({ zoom }) as number;
}

/** Relative luminance-like sum of a #rrggbb colour, enough to say which is darker. */
function luminance(hex: string): number {
  return [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
}

describe('boundaryLayers', () => {
  it('shows the county always, towns at low zoom, communities mid and grids close up', () => {
    const byId = Object.fromEntries(boundaryLayers().map((layer) => [layer.id, layer]));
    expect(byId['county-line']).not.toHaveProperty('minzoom');
    expect(byId['county-line']).not.toHaveProperty('maxzoom');
    expect(byId['town-line'].maxzoom).toBeLessThanOrEqual(13);
    expect([byId['community-line'].minzoom, byId['community-line'].maxzoom]).toEqual([11, 15.5]);
    expect(byId['grid-line'].minzoom).toBe(12.5);
  });

  it('draws communities wider than grids at z13–15, so the grids of one community read together', () => {
    const byId = Object.fromEntries(boundaryLayers().map((layer) => [layer.id, layer]));
    for (const zoom of [13, 14, 15]) {
      const community = lineWidthAt(byId['community-line'], zoom);
      const grid = lineWidthAt(byId['grid-line'], zoom);
      expect(community, `z${zoom}`).toBeGreaterThanOrEqual(1.6 * grid);
    }
    expect(BOUNDARY_ZOOMS.community.max).toBeGreaterThanOrEqual(15);
  });

  it('keeps communities below towns where both show, and darker than grids', () => {
    const byId = Object.fromEntries(boundaryLayers().map((layer) => [layer.id, layer]));
    expect(lineWidthAt(byId['community-line'], 12)).toBeLessThan(lineWidthAt(byId['town-line'], 12));
    expect(luminance(BOUNDARY_COLOURS.community)).toBeLessThan(luminance(BOUNDARY_COLOURS.grid));
  });

  it('draws finer levels first so that coarser lines lie on top', () => {
    expect(boundaryLayers().map((layer) => layer.id)).toEqual(['grid-line', 'community-line', 'town-line', 'county-line']);
  });
});

describe('areaLabelLayers', () => {
  it('labels each level from the label points in local fonts, without a glyph server', () => {
    for (const layer of areaLabelLayers()) {
      expect(layer.type).toBe('symbol');
      if (layer.type !== 'symbol') continue;
      expect(layer.source).toBe('area-labels');
      expect(layer.layout?.['text-font']).toContain('Noto Sans CJK SC');
    }
  });
});

describe('selectedAreaLayers', () => {
  it('outline only the feature whose state is selected', () => {
    const grid = selectedAreaLayers().find((layer) => layer.id === 'grid-selected');
    expect(grid?.type === 'line' && grid.paint?.['line-opacity']).toEqual([
      'case', ['boolean', ['feature-state', 'selected'], false], 1, 0,
    ]);
  });
});

describe('areaLabelPoints', () => {
  it('makes one point per area at its label point with its name and level', () => {
    const towns = {
      type: 'FeatureCollection',
      numberReturned: 1,
      nextCursor: null,
      links: [],
      features: [
        {
          type: 'Feature',
          id: 2,
          geometry: { type: 'MultiPolygon', coordinates: [[[[120, 29], [121, 29], [121, 30], [120, 29]]], [[[122, 29], [123, 29], [123, 30], [122, 29]]]] },
          properties: {
            id: 2, code: '330681001000', name: '暨阳街道', level: 'town', parentId: 1, households: 10, residents: 30,
            openIncidents: 1, staff: 4, labelLon: 120.6, labelLat: 29.4,
          },
        },
      ],
    } satisfies AreaCollection;
    expect(areaLabelPoints([towns]).features).toEqual([
      {
        type: 'Feature',
        id: 2,
        geometry: { type: 'Point', coordinates: [120.6, 29.4] },
        properties: { id: 2, name: '暨阳街道', level: 'town', label: '暨阳街道' },
      },
    ]);
  });
});

describe('shortAreaName', () => {
  it('drops the parent name a grid name starts with', () => {
    expect(shortAreaName('浦阳社区第二网格', '浦阳社区')).toBe('第二网格');
  });

  it('keeps a name that does not start with its parent’s, or is nothing more', () => {
    expect(shortAreaName('东山第一网格', '浦阳社区')).toBe('东山第一网格');
    expect(shortAreaName('浦阳社区', '浦阳社区')).toBe('浦阳社区');
    expect(shortAreaName('浦阳社区第二网格', undefined)).toBe('浦阳社区第二网格');
  });
});
