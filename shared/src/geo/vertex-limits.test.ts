import { describe, expect, it } from 'vitest';
import { countVertices } from './vertex-limits.ts';

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('countVertices', () => {
  it('counts the positions of every ring of a polygon, holes included', () => {
    expect(countVertices({ type: 'Polygon', coordinates: [square, square.slice(0, 4)] })).toBe(9);
  });

  it('counts every polygon of a multipolygon', () => {
    expect(countVertices({ type: 'MultiPolygon', coordinates: [[square], [square, square]] })).toBe(15);
  });

  it('answers 0 for a geometry that is not an area or whose coordinates are malformed', () => {
    expect(countVertices({ type: 'Point', coordinates: [1, 2] })).toBe(0);
    expect(countVertices({ type: 'Polygon', coordinates: 'not rings' })).toBe(0);
  });
});
