import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../geo/point-in-ring.ts';
import { assignPoints } from './assign-points.ts';

const poly = (...ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });

describe('assignPoints', () => {
  it('gives each point the grid a brute-force point-in-polygon over all grids gives, 0 outside', () => {
    // An L-shaped grid around a square one: their boxes overlap, so the box alone cannot decide.
    const grids = [
      { id: 7, geometry: poly([0, 0], [2, 0], [2, 2], [1, 2], [1, 1], [0, 1]) },
      { id: 9, geometry: poly([0, 1], [1, 1], [1, 2], [0, 2]) },
    ];
    const lon: number[] = [], lat: number[] = [];
    for (let i = 0; i < 500; i++) (lon.push(((i * 37) % 230) / 100 - 0.1), lat.push(((i * 53) % 230) / 100 - 0.1));
    const got = assignPoints(grids, lon, lat);
    lon.forEach((x, i) => expect(got[i]).toBe(grids.find((g) => pointInPolygon(x, lat[i], g.geometry))?.id ?? 0));
    expect(new Set(got)).toEqual(new Set([0, 7, 9]));
  });
});
