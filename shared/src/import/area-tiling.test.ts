import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { tilingProblems } from './area-tiling.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const parent = { code: 'P', geometry: box(120, 29, 120.2, 29.2) };

describe('tilingProblems', () => {
  it('finds nothing when four squares tile their parent exactly', () => {
    const children = [
      { code: 'A', geometry: box(120, 29, 120.1, 29.1) },
      { code: 'B', geometry: box(120.1, 29, 120.2, 29.1) },
      { code: 'C', geometry: box(120, 29.1, 120.1, 29.2) },
      { code: 'D', geometry: box(120.1, 29.1, 120.2, 29.2) },
    ];
    expect(tilingProblems(parent, children)).toEqual([]);
  });

  it('reports the gap a missing child leaves, with its size and a point inside it', () => {
    const children = [
      { code: 'A', geometry: box(120, 29, 120.1, 29.2) },
      { code: 'B', geometry: box(120.1, 29, 120.2, 29.1) },
    ];
    const [gap, ...rest] = tilingProblems(parent, children);
    expect(rest).toEqual([]);
    expect(gap).toMatchObject({ kind: 'gap', parentCode: 'P', codes: ['P'] });
    // 0.1° × 0.1° at 29.15°N: about 11.1 km × 9.7 km
    expect(gap.areaM2).toBeGreaterThan(100e6);
    expect(gap.areaM2).toBeLessThan(115e6);
    expect(gap.where[0]).toBeGreaterThan(120.1);
    expect(gap.where[1]).toBeGreaterThan(29.1);
  });

  it('reports two children that overlap, and a child reaching outside', () => {
    const children = [
      { code: 'A', geometry: box(120, 29, 120.12, 29.2) },
      { code: 'B', geometry: box(120.1, 29, 120.25, 29.2) },
    ];
    const problems = tilingProblems(parent, children);
    expect(problems.map((p) => [p.kind, p.codes])).toEqual([
      ['overlap', ['A', 'B']],
      ['outside', ['B']],
    ]);
    expect(problems[0].where[0]).toBeGreaterThan(120.1);
    expect(problems[0].where[0]).toBeLessThan(120.12);
  });
});

describe('tilingProblems on boundaries that share vertices differently', () => {
  it('accepts children whose shared edge is split at a vertex only one of them has', () => {
    const left: Polygon = { type: 'Polygon', coordinates: [[[120, 29], [120.1, 29], [120.1, 29.1], [120.1, 29.2], [120, 29.2], [120, 29]]] };
    const right = box(120.1, 29, 120.2, 29.2);
    expect(tilingProblems(parent, [{ code: 'L', geometry: left }, { code: 'R', geometry: right }])).toEqual([]);
  });

  it('finds a duplicated child, whose edges cannot cancel', () => {
    const a = { code: 'A', geometry: box(120, 29, 120.1, 29.2) };
    const b = { code: 'B', geometry: box(120.1, 29, 120.2, 29.2) };
    expect(tilingProblems(parent, [a, b, { ...b, code: 'B2' }]).map((p) => [p.kind, p.codes])).toEqual([['overlap', ['B', 'B2']]]);
  });
});
