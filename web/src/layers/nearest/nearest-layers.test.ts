import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { NEAREST_SOURCE_ID, nearestData, nearestLayers, nearestSource } from './nearest-layers.ts';

describe('nearestData', () => {
  it('draws a line from the place to each candidate, the candidates with their ranks, and the place', () => {
    const data = nearestData([120.1, 29.7], [
      { id: 7, coordinates: [120.12, 29.71], rank: 1 },
      { id: 3, coordinates: [120.2, 29.6], rank: 2 },
    ], 3);
    const roles = data.features.map((f) => f.properties?.role);
    expect(roles).toEqual(['line', 'line', 'candidate', 'candidate', 'origin']);
    expect(data.features[1].geometry).toEqual({ type: 'LineString', coordinates: [[120.1, 29.7], [120.2, 29.6]] });
    expect(data.features.filter((f) => f.properties?.chosen === 1).map((f) => f.properties?.rank)).toEqual([2, 2]);
  });

  it('is empty without a place', () => {
    expect(nearestData(null, [{ id: 1, coordinates: [120, 29], rank: 1 }], null).features).toEqual([]);
  });
});

describe('nearestLayers', () => {
  it('are valid MapLibre layers over the nearest source', () => {
    const style = {
      version: 8 as const,
      sources: { [NEAREST_SOURCE_ID]: nearestSource() },
      layers: nearestLayers(),
    };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
