import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { signedRingArea } from '../geo/ring-area.ts';
import { gridGeometry, partitionFromGrids, polygonsOf, type GridPartition } from './grid-partition.ts';
import { insertVertex, mergeGrids, moveVertex, removeVertex, splitGrid } from './partition-edits.ts';
import { PlanEditRefusal } from './plan-edit-refusal.ts';
import { validatePartition } from './validate-partition.ts';

const poly = (...ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });

// A fake community: the square (0,0)–(2,2) with the midpoints of its sides as vertices, cut
// into four unit grids 1 (south-west), 2 (south-east), 3 (north-west), 4 (north-east).
const COMMUNITY = poly([0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 2], [0, 2], [0, 1]);
const GRIDS = [
  { id: 1, geometry: poly([0, 0], [1, 0], [1, 1], [0, 1]) },
  { id: 2, geometry: poly([1, 0], [2, 0], [2, 1], [1, 1]) },
  { id: 3, geometry: poly([0, 1], [1, 1], [1, 2], [0, 2]) },
  { id: 4, geometry: poly([1, 1], [2, 1], [2, 2], [1, 2]) },
];

const start = (): GridPartition => partitionFromGrids(GRIDS, COMMUNITY);
const vertex = (p: GridPartition, x: number, y: number): number => p.xs.findIndex((vx, i) => vx === x && p.ys[i] === y);
const areaOf = (p: GridPartition, id: number): number =>
  polygonsOf(gridGeometry(p, p.grids.find((g) => g.id === id)!)).reduce((s, rings) => s + rings.reduce((t, r) => t + signedRingArea(r), 0), 0);

/** The partition tiles the community: no problems, inner edges in opposite pairs, areas adding up to 4. */
function expectExactPartition(p: GridPartition): void {
  expect(validatePartition(p, COMMUNITY)).toEqual([]);
  const directed = new Set<string>();
  for (const g of p.grids) for (const rings of g.polygons) for (const ring of rings) {
    ring.forEach((a, i) => directed.add(`${a}>${ring[(i + 1) % ring.length]}`));
  }
  const unpaired = [...directed].filter((e) => !directed.has(e.split('>').reverse().join('>')));
  for (const e of unpaired) {
    const [a, b] = e.split('>').map(Number);
    // Unpaired edges are the boundary: each lies on a side of the square.
    const onSide = (v: number) => p.xs[v] === 0 || p.xs[v] === 2 || p.ys[v] === 0 || p.ys[v] === 2;
    expect(onSide(a) && onSide(b)).toBe(true);
  }
  expect(p.grids.reduce((s, g) => s + areaOf(p, g.id), 0)).toBeCloseTo(4, 12);
}

describe('grid partition edits', () => {
  it('finds no problem in the four grids as they are', () => {
    expectExactPartition(start());
  });

  it('moves a shared vertex in every grid that has it and keeps an exact partition', () => {
    const p = moveVertex(start(), vertex(start(), 1, 1), 1.5, 0.5);
    expectExactPartition(p);
    for (const g of p.grids) expect(JSON.stringify(gridGeometry(p, g))).toContain('[1.5,0.5]');
    expect([1, 2, 3, 4].map((id) => areaOf(p, id))).toEqual([1, 0.5, 1.5, 1]);
  });

  it('refuses to move or remove a vertex of the community boundary', () => {
    const p = start();
    expect(() => moveVertex(p, vertex(p, 0, 1), 0.1, 1)).toThrow(/community boundary/);
    expect(() => removeVertex(p, vertex(p, 1, 0))).toThrow(/community boundary/);
  });

  it('adds a vertex on a shared edge to both grids, and removing it restores the grids', () => {
    const before = start();
    const { partition: p, vertex: v } = insertVertex(before, vertex(before, 1, 0), vertex(before, 1, 1), 1, 0.5);
    expectExactPartition(p);
    expect(p.grids.filter((g) => g.polygons[0][0].includes(v)).map((g) => g.id)).toEqual([1, 2]);
    const moved = moveVertex(p, v, 1.4, 0.5);
    expectExactPartition(moved);
    expect(areaOf(moved, 1)).toBeCloseTo(1.2, 12);
    const back = removeVertex(p, v);
    expect(back.grids.map((g) => gridGeometry(back, g))).toEqual(before.grids.map((g) => gridGeometry(before, g)));
  });

  it('refuses a vertex on a boundary edge and the removal of a junction of four grids', () => {
    const p = start();
    expect(() => insertVertex(p, vertex(p, 0, 0), vertex(p, 1, 0), 0.5, 0)).toThrow(/community boundary/);
    expect(() => removeVertex(p, vertex(p, 1, 1))).toThrow(/joins 4 edges/);
  });

  it('reports a crossing where a moved vertex drags an edge across another', () => {
    const before = start();
    const { partition, vertex: v } = insertVertex(before, vertex(before, 1, 0), vertex(before, 1, 1), 1, 0.5);
    const problems = validatePartition(moveVertex(partition, v, 1.5, 1.5), COMMUNITY);
    const crossing = problems.find((q) => q.kind === 'crossing')!;
    expect(crossing.gridIds.sort()).toEqual([1, 2, 4].filter((id) => crossing.gridIds.includes(id)));
    expect(crossing.at[1]).toBeCloseTo(1, 9);
    expect(crossing.at[0]).toBeGreaterThan(1);
    expect(crossing.at[0]).toBeLessThan(1.5);
  });

  it('reports a vertex dragged out of the community as outside the parent, where it crosses', () => {
    const before = start();
    const { partition, vertex: v } = insertVertex(before, vertex(before, 1, 0), vertex(before, 1, 1), 1, 0.5);
    const problems = validatePartition(moveVertex(partition, v, 1.2, -0.5), COMMUNITY);
    expect(problems.filter((q) => q.kind === 'outside_parent').map((q) => q.at)).toEqual([
      [1.2, -0.5], // the vertex itself
      [expect.closeTo(1.2 - 0.2 / 3, 9), 0], // where its edge leaves the community
    ]);
  });

  it('reports the gap a missing grid leaves, on its edges', () => {
    const p = start();
    const problems = validatePartition({ ...p, grids: p.grids.filter((g) => g.id !== 4) }, COMMUNITY);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((q) => q.kind === 'gap_or_overlap')).toBe(true);
    expect(problems.map((q) => q.at)).toContainEqual([1.5, 1]);
  });

  it('splits a grid by a line across it into two grids that keep an exact partition', () => {
    const p = splitGrid(start(), 4, [[1.5, 0.9], [1.5, 2.1]], -1);
    expectExactPartition(p);
    expect(p.grids.map((g) => g.id)).toEqual([1, 2, 3, 4, -1]);
    expect(areaOf(p, 4) + areaOf(p, -1)).toBeCloseTo(1, 12);
    expect(areaOf(p, 4)).toBeCloseTo(0.5, 12);
    // The crossing at (1.5, 1) is a vertex of the neighbour to the south too.
    const g2 = gridGeometry(p, p.grids.find((g) => g.id === 2)!);
    expect(JSON.stringify(g2)).toContain('[1.5,1]');
  });

  it('splits along a bent line, keeping the larger piece under the old id', () => {
    const p = splitGrid(start(), 1, [[-0.1, 0.2], [0.7, 0.3], [0.8, 1.1]], -7);
    expectExactPartition(p);
    expect(areaOf(p, 1)).toBeGreaterThan(areaOf(p, -7));
    expect(areaOf(p, 1) + areaOf(p, -7)).toBeCloseTo(1, 12);
  });

  it('splits across a slanted community edge, where the crossing lies on the boundary only up to rounding', () => {
    const community = poly([0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0.1, 1.3]);
    const grids = [
      { id: 1, geometry: poly([0, 0], [1, 0], [1, 1], [0.1, 1.3]) },
      { id: 2, geometry: poly([1, 0], [2, 0], [2, 1], [1, 1]) },
    ];
    const p = splitGrid(partitionFromGrids(grids, community), 1, [[-0.5, 0.7], [1.5, 0.73]], -1);
    expect(validatePartition(p, community)).toEqual([]);
    expect(p.grids).toHaveLength(3);
  });

  it('refuses a line that does not cross the grid exactly twice', () => {
    expect(() => splitGrid(start(), 4, [[1.5, 1.5], [1.5, 2.1]], -1)).toThrow(/exactly twice; it crosses 1/);
    expect(() => splitGrid(start(), 4, [[1.2, 0.9], [1.2, 2.1], [1.8, 2.1], [1.8, 0.9]], -1)).toThrow(/crosses 4/);
  });

  it('says why it refuses a cut as a kind with parameters, for the UI to translate', () => {
    const refusal = (() => {
      try {
        splitGrid(start(), 4, [[1.5, 1.5], [1.5, 2.1]], -1);
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(PlanEditRefusal);
    expect(refusal).toMatchObject({ kind: 'line_crossings', params: { grid: 4, count: 1 } });
  });

  it('refuses a line exactly through a vertex without snapping, and cuts corner to corner with it', () => {
    expect(() => splitGrid(start(), 4, [[0.9, 0.9], [2.1, 2.1]], -1)).toThrow(expect.objectContaining({ kind: 'line_along_edge' }));
    const before = start();
    // Drawn by hand: a little off both corners; the corners become the crossings, no new vertex.
    const p = splitGrid(before, 4, [[0.98, 0.99], [2.02, 2.01]], -1, 0.05);
    expectExactPartition(p);
    expect(p.xs).toHaveLength(before.xs.length);
    expect(areaOf(p, 4)).toBeCloseTo(0.5, 12);
    expect(areaOf(p, -1)).toBeCloseTo(0.5, 12);
  });

  it('cuts from a snapped vertex across an edge, dropping the edge crossing next to that vertex', () => {
    const before = start();
    const p = splitGrid(before, 4, [[0.99, 0.99], [1.5, 2.1]], -1, 0.03);
    expectExactPartition(p);
    // One new vertex only: where the line leaves through the top edge, near (1.5, 2).
    expect(p.xs).toHaveLength(before.xs.length + 1);
    expect(p.ys.at(-1)).toBe(2);
    expect(areaOf(p, 4) + areaOf(p, -1)).toBeCloseTo(1, 12);
  });

  it('refuses a snapped line that runs along an edge and cuts nothing off', () => {
    expect(() => splitGrid(start(), 4, [[0.99, 1.001], [2.01, 0.999]], -1, 0.01)).toThrow(PlanEditRefusal);
  });

  it('merges two adjacent grids into one and keeps an exact partition', () => {
    const p = mergeGrids(start(), 1, 2);
    expectExactPartition(p);
    expect(p.grids.map((g) => g.id)).toEqual([1, 3, 4]);
    expect(areaOf(p, 1)).toBeCloseTo(2, 12);
    const ring = (gridGeometry(p, p.grids[0]) as Polygon).coordinates[0];
    expect(ring).not.toContainEqual([1, 0.5]);
  });

  it('refuses to merge grids that touch only at a corner', () => {
    expect(() => mergeGrids(start(), 1, 4)).toThrow(/share no edge/);
  });

  it('merges three grids in turn into a ring around the fourth\'s corner and back to one grid', () => {
    const p = mergeGrids(mergeGrids(mergeGrids(start(), 1, 2), 1, 3), 1, 4);
    expectExactPartition(p);
    expect(p.grids).toHaveLength(1);
    expect(areaOf(p, 1)).toBeCloseTo(4, 12);
  });
});
