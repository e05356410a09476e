import { HOUSEHOLD_POINT_MIN_ZOOM } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { householdsHeatLayer, householdsPointLayer } from './households-layers.ts';

describe('household layers', () => {
  it('draw a heatmap of the bins weighted by count below street zoom', () => {
    const heat = householdsHeatLayer();
    expect(heat).toMatchObject({ id: 'households-heat', type: 'heatmap', maxzoom: HOUSEHOLD_POINT_MIN_ZOOM });
    expect(heat.filter).toEqual(['has', 'count']);
    expect(JSON.stringify(heat.paint?.['heatmap-weight'])).toContain('"count"');
  });

  it('draw single households as circles from street zoom, migrants apart', () => {
    const points = householdsPointLayer();
    expect(points).toMatchObject({ id: 'households-point', type: 'circle', minzoom: HOUSEHOLD_POINT_MIN_ZOOM });
    expect(JSON.stringify(points.paint?.['circle-color'])).toContain('migrant');
  });

  it('read no key-group flag, which the tiles do not carry (sensitive until roles exist)', () => {
    expect(JSON.stringify(householdsPointLayer())).not.toMatch(/keyGroup/i);
  });
});
