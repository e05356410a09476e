import { haversineMetres } from '@gridmap/shared/geo/haversine';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { gridmapSources } from '../../map/gridmap-style.ts';
import { circlePolygon, coverageFillLayer, coverageShares, SUGGESTION_SOURCE_ID, suggestionData, suggestionLayers, suggestionSource } from './coverage-layers.ts';

describe('coverageShares', () => {
  it("gives each grid's uncovered share of the kind, leaving out grids without households and other levels", () => {
    const shares = coverageShares({
      distanceM: 3000,
      kinds: ['labour'],
      areas: [
        { areaId: 1, level: 'county', name: '县', households: 10, uncovered: { labour: 4 } },
        { areaId: 4, level: 'grid', name: '甲', households: 8, uncovered: { labour: 2 } },
        { areaId: 5, level: 'grid', name: '乙', households: 0, uncovered: { labour: 0 } },
      ],
    }, 'labour');
    expect([...shares]).toEqual([[4, 0.25]]);
  });
});

describe('circlePolygon', () => {
  it('puts every vertex at the radius from the centre, and closes the ring', () => {
    const ring = circlePolygon(120.2, 29.7, 3_000).coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lon, lat] of ring) expect(haversineMetres(120.2, 29.7, lon, lat)).toBeCloseTo(3_000, 3);
  });
});

describe('suggestionData', () => {
  it('draws each suggested place with its reach and rank', () => {
    const data = suggestionData({
      disputeKind: 'labour', distanceM: 2_000, uncoveredBefore: 9,
      suggestions: [{ rank: 1, areaId: 30, name: '某村', lon: 120.1, lat: 29.6, householdIds: [3, 4] }],
    });
    expect(data.features.map((f) => [f.properties?.role, f.geometry.type])).toEqual([['reach', 'Polygon'], ['mark', 'Point']]);
    expect(data.features[1].properties).toEqual({ role: 'mark', rank: 1, households: 2 });
  });
});

describe('the coverage layers', () => {
  it('are valid MapLibre layers over the grid and suggestion sources', () => {
    const style = {
      version: 8 as const,
      sources: { ...gridmapSources('http://localhost:8080'), [SUGGESTION_SOURCE_ID]: suggestionSource() },
      layers: [coverageFillLayer(), ...suggestionLayers()],
    };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
