import type { Polygon, Position } from 'geojson';
import { partitionFromGrids } from '@gridmap/shared/plans/grid-partition';
import { describe, expect, it } from 'vitest';
import { midpointFeatures, vertexFeatures } from './planner-features.ts';

const poly = (...ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
const COMMUNITY = poly([0, 0], [2, 0], [2, 1], [0, 1]);
const P = partitionFromGrids(
  [{ id: 1, geometry: poly([0, 0], [1, 0], [1, 1], [0, 1]) }, { id: 2, geometry: poly([1, 0], [2, 0], [2, 1], [1, 1]) }],
  COMMUNITY,
);

describe('planner features', () => {
  it('marks the vertices two grids share and those the community boundary locks', () => {
    const byPlace = new Map(vertexFeatures(P).features.map((f) => [f.geometry.coordinates.join(), f.properties]));
    expect(byPlace.get('1,0')).toMatchObject({ shared: true, locked: false });
    expect(byPlace.get('0,0')).toMatchObject({ shared: false, locked: true });
  });

  it('offers a midpoint on each shared edge only', () => {
    expect(midpointFeatures(P).features.map((f) => f.geometry.coordinates)).toEqual([[1, 0.5]]);
  });
});
