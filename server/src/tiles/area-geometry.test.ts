import { describe, expect, it } from 'vitest';
import { areaTileRings, clipRing, projectArea, signedArea2, simplifyRing } from './area-geometry.ts';
import { mercatorLat, mercatorLon } from './mercator.ts';

/** A GeoJSON polygon from rings given in fractions of tile z/x/y (0…1 across the tile). */
function polygonInTile(z: number, x: number, y: number, rings: [number, number][][]): string {
  const n = 2 ** z;
  const coordinates = rings.map((ring) => ring.map(([fx, fy]) => [mercatorLon((x + fx) / n), mercatorLat((y + fy) / n)]));
  return JSON.stringify({ type: 'Polygon', coordinates });
}

describe('areaTileRings', () => {
  it('clips an area to the tile and its buffer, keeping every corner inside', () => {
    const area = projectArea(polygonInTile(12, 10, 20, [[[-1, -1], [2, -1], [2, 2], [-1, 2], [-1, -1]]]));
    const [ring, ...rest] = areaTileRings(area, 12, 10, 20, 4096, 64, 4);
    expect(rest).toEqual([]);
    expect(new Set(ring.map(([px, py]) => `${px},${py}`))).toEqual(new Set(['-64,-64', '4160,-64', '4160,4160', '-64,4160']));
  });

  it('winds outer rings clockwise on screen and holes the other way, whichever way they were stored', () => {
    const outer: [number, number][] = [[0.1, 0.1], [0.1, 0.9], [0.9, 0.9], [0.9, 0.1], [0.1, 0.1]]; // anticlockwise on screen
    const hole: [number, number][] = [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6], [0.4, 0.4]]; // clockwise on screen
    const rings = areaTileRings(projectArea(polygonInTile(14, 3, 4, [outer, hole])), 14, 3, 4, 4096, 64, 4);
    expect(rings).toHaveLength(2);
    expect(signedArea2(rings[0])).toBeGreaterThan(0);
    expect(signedArea2(rings[1])).toBeLessThan(0);
  });

  it('leaves out an area outside the tile, and one smaller than a pixel', () => {
    const away = projectArea(polygonInTile(12, 10, 20, [[[3, 3], [4, 3], [4, 4], [3, 3]]]));
    expect(areaTileRings(away, 12, 10, 20, 4096, 64, 4)).toEqual([]);
    const speck = projectArea(polygonInTile(12, 10, 20, [[[0.5, 0.5], [0.5001, 0.5], [0.5001, 0.5001], [0.5, 0.5]]]));
    expect(areaTileRings(speck, 12, 10, 20, 4096, 64, 4)).toEqual([]);
  });

  it('drops the holes of an outer ring that fell outside the tile', () => {
    const elsewhere: [number, number][][] = [[[2, 2], [3, 2], [3, 3], [2, 3], [2, 2]], [[2.4, 2.4], [2.6, 2.4], [2.6, 2.6], [2.4, 2.6], [2.4, 2.4]]];
    expect(areaTileRings(projectArea(polygonInTile(12, 0, 0, elsewhere)), 12, 0, 0, 4096, 64, 4)).toEqual([]);
  });
});

describe('simplifyRing', () => {
  it('drops points within the tolerance of a straight edge and keeps the corners', () => {
    const ring: [number, number][] = [[0, 0], [50, 1], [100, 0], [100, 100], [0, 100], [0, 0]];
    expect(simplifyRing(ring, 4)).toEqual([[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]);
    expect(simplifyRing(ring, 0.5)).toEqual(ring);
  });
});

describe('clipRing', () => {
  it('cuts a triangle across an edge at the edge', () => {
    const corners = new Set(clipRing([[0, 0], [20, 0], [0, 20]], -5, 10).map(([x, y]) => `${x},${y}`));
    expect(corners).toEqual(new Set(['0,0', '10,0', '10,10', '0,10']));
  });
});
