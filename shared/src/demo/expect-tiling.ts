import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { expect } from 'vitest';

/**
 * Test helper (vitest): asserts that `children` tile `parent` exactly, as the generator
 * promises: their areas add up to the parent's, and their directed edges are the parent's
 * boundary plus inner edges in opposite pairs (shared vertices identical, no gaps or overlaps).
 */
export function expectChildrenTileParent(parent: Polygon | MultiPolygon, children: readonly (Polygon | MultiPolygon)[]): void {
  expect(children.length).toBeGreaterThan(0);
  const sum = children.reduce((s, c) => s + turfArea(c), 0);
  expect(Math.abs(sum - turfArea(parent)) / turfArea(parent)).toBeLessThan(1e-9);
  const left = new Map<string, number>();
  for (const c of children) for (const e of directedEdges(c)) left.set(e, (left.get(e) ?? 0) + 1);
  for (const e of directedEdges(parent)) {
    expect(left.get(e)).toBe(1);
    left.delete(e);
  }
  for (const [e, n] of left) {
    expect(n).toBe(1);
    const [a, b] = e.split('>');
    expect(left.get(`${b}>${a}`)).toBe(1);
  }
}

function directedEdges(g: Polygon | MultiPolygon): string[] {
  const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const edges: string[] = [];
  for (const rings of polygons) for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) edges.push(`${ring[i][0]},${ring[i][1]}>${ring[i + 1][0]},${ring[i + 1][1]}`);
  return edges;
}
