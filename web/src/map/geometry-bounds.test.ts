import { describe, expect, it } from 'vitest';
import { geometryBounds } from './geometry-bounds.ts';

describe('geometryBounds', () => {
  it('bounds a polygon by its outer ring', () => {
    const ring: [number, number][] = [[120, 29], [121, 29], [121, 30.5], [120, 29]];
    expect(geometryBounds({ type: 'Polygon', coordinates: [ring] })).toEqual([120, 29, 121, 30.5]);
  });

  it('bounds every part of a multipolygon', () => {
    const a: [number, number][] = [[120, 29], [120.5, 29], [120.5, 29.5], [120, 29]];
    const b: [number, number][] = [[121, 30], [122, 30], [122, 31], [121, 30]];
    expect(geometryBounds({ type: 'MultiPolygon', coordinates: [[a], [b]] })).toEqual([120, 29, 122, 31]);
  });

  it('throws on an empty geometry', () => {
    expect(() => geometryBounds({ type: 'MultiPolygon', coordinates: [] })).toThrow('Empty geometry');
  });
});
