import { describe, expect, it } from 'vitest';
import { selectedPointData, selectedPointLayers } from './selected-point-layers.ts';

describe('selected point', () => {
  it('is one feature where the selected incident was drawn', () => {
    const data = selectedPointData({ kind: 'incident', id: 7, at: [120.2, 29.7] });
    expect(data.features).toHaveLength(1);
    expect(data.features[0].geometry.coordinates).toEqual([120.2, 29.7]);
    expect(data.features[0].properties.kind).toBe('incident');
  });

  it('is empty for an area, which is outlined instead, and for no selection', () => {
    expect(selectedPointData({ kind: 'area', id: 1, level: 'grid' }).features).toEqual([]);
    expect(selectedPointData(null).features).toEqual([]);
  });

  it('draws a white halo under the coloured ring, wider around mediation symbols', () => {
    const [halo, ring] = selectedPointLayers();
    expect(halo.id).toBe('selected-point-halo');
    expect(ring.id).toBe('selected-point-ring');
    expect(ring.paint?.['circle-radius']).toEqual(['match', ['get', 'kind'], 'mediationPoint', 15, 11]);
  });
});
