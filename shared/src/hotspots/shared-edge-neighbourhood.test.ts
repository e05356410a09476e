import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area-geometry.ts';
import { neighboursOf } from './neighbourhood.ts';
import { sharedEdgeNeighbourhood } from './shared-edge-neighbourhood.ts';

const square = (x: number, y: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
});

describe('sharedEdgeNeighbourhood', () => {
  it('links squares that share an edge and not those that touch at a corner', () => {
    // 2×2 block: 0 (0,0), 1 (1,0), 2 (0,1), 3 (1,1); 0 and 3 meet only at (1,1).
    const n = sharedEdgeNeighbourhood([square(0, 0), square(1, 0), square(0, 1), square(1, 1)]);
    expect(neighboursOf(n, 0).sort()).toEqual([1, 2]);
    expect(neighboursOf(n, 3).sort()).toEqual([1, 2]);
  });

  it('reads MultiPolygons part by part', () => {
    const two: AreaGeometry = { type: 'MultiPolygon', coordinates: [square(0, 0).coordinates as number[][][], square(5, 5).coordinates as number[][][]] };
    const n = sharedEdgeNeighbourhood([two, square(6, 5), square(9, 9)]);
    expect(neighboursOf(n, 1)).toEqual([0]);
    expect(neighboursOf(n, 2)).toEqual([]);
  });
});
