import { describe, expect, it } from 'vitest';
import { outlineCoordinates } from './outline-coordinates.ts';

/** What JSON.parse makes of the same text, flattened the same way. */
function parsed(json: string): number[][][] {
  const geometry = JSON.parse(json) as { type: string; coordinates: number[][][] | number[][][][] };
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return polygons.map((rings) => rings.map((ring) => ring.flatMap(([lon, lat]) => [lon, lat])));
}

/** Whether two outlines agree to within 1e-12 of a degree at every number. */
function expectClose(actual: number[][][], expected: number[][][]) {
  expect(actual.map((p) => p.map((r) => r.length))).toEqual(expected.map((p) => p.map((r) => r.length)));
  actual.forEach((p, i) => p.forEach((r, j) => r.forEach((v, k) => expect(Math.abs(v - expected[i][j][k])).toBeLessThan(1e-12))));
}

describe('outlineCoordinates', () => {
  it('reads a Polygon with a hole as JSON.parse does', () => {
    const json = JSON.stringify({
      type: 'Polygon',
      coordinates: [[[120, 29], [120.5, 29], [120.5, 29.5], [120, 29]], [[120.1, 29.1], [120.2, 29.1], [120.2, 29.2], [120.1, 29.1]]],
    });
    expect(outlineCoordinates(json)).toEqual(parsed(json));
  });

  it('reads the 17 digits a stored outline has to within 1e-12 of a degree', () => {
    const coordinates = [Array.from({ length: 200 }, (_, i) => [118 + Math.sin(i) * 3.123456789, 27 + Math.cos(i * 7) * 2.987654321])];
    coordinates[0].push(coordinates[0][0]);
    const json = JSON.stringify({ type: 'Polygon', coordinates });
    expect(json).toMatch(/\d\.\d{14,}/);
    expectClose(outlineCoordinates(json), parsed(json));
  });

  it('reads a MultiPolygon written with spaces, exponents, negative numbers, a height and the type last', () => {
    const json = `{ "coordinates": [ [ [ [ -1.5e1, 2E-1, 30 ], [ 121.123456789, -29 ], [ 1e+2, 0 ], [ -15, 0.2 ] ] ],
      [ [ [0,0],[1,0],[1,1],[0,0] ] ] ], "type": "MultiPolygon" }`;
    expect(outlineCoordinates(json)).toEqual([[[-15, 0.2, 121.123456789, -29, 100, 0, -15, 0.2]], [[0, 0, 1, 0, 1, 1, 0, 0]]]);
    expect(outlineCoordinates(json)).toEqual(parsed(json));
  });

  it('refuses text that is not a polygon, naming what it found', () => {
    expect(() => outlineCoordinates('{"type":"Point","coordinates":[120,29]}')).toThrow('nested 1 deep');
    expect(() => outlineCoordinates('{"type":"Polygon"}')).toThrow('no coordinates');
  });
});
