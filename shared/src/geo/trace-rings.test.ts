import { describe, expect, it } from 'vitest';
import { signedRingArea } from './ring-area.ts';
import { ringsToPolygon } from './rings-to-polygon.ts';
import { traceRings } from './trace-rings.ts';

// A 4x4 lattice of unit squares; vertex id = y * 5 + x, cell (x, y) has its lower-left corner at (x, y).
const SIDE = 4;
const xs: number[] = [];
const ys: number[] = [];
for (let y = 0; y <= SIDE; y++) for (let x = 0; x <= SIDE; x++) (xs.push(x), ys.push(y));
const vertex = (x: number, y: number) => y * (SIDE + 1) + x;

/** The boundary of a union of cells: their counter-clockwise edges minus those shared by two cells. */
function boundaryOf(cells: [number, number][]): { from: number[]; to: number[] } {
  const edges = new Map<string, [number, number]>();
  for (const [x, y] of cells) {
    const corners = [vertex(x, y), vertex(x + 1, y), vertex(x + 1, y + 1), vertex(x, y + 1)];
    for (let k = 0; k < 4; k++) {
      const a = corners[k];
      const b = corners[(k + 1) % 4];
      if (!edges.delete(`${b},${a}`)) edges.set(`${a},${b}`, [a, b]);
    }
  }
  const list = [...edges.values()];
  return { from: list.map((e) => e[0]), to: list.map((e) => e[1]) };
}

function trace(cells: [number, number][]) {
  const { from, to } = boundaryOf(cells);
  return traceRings(from, to, xs, ys).map((ring) => ring.map((id) => [xs[id], ys[id]]));
}

describe('traceRings', () => {
  it('traces a 2x2 block as one counter-clockwise ring of 8 vertices', () => {
    const rings = trace([[0, 0], [1, 0], [0, 1], [1, 1]]);
    expect(rings).toHaveLength(1);
    expect(rings[0]).toHaveLength(8);
    expect(signedRingArea(rings[0])).toBe(4);
  });

  it('traces a ring of cells around an empty centre as an outer ring and a clockwise hole', () => {
    const cells: [number, number][] = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) cells.push([x, y]);
    const rings = trace(cells);
    const areas = rings.map(signedRingArea).sort((a, b) => a - b);
    expect(areas).toEqual([-1, 9]);
    const polygon = ringsToPolygon(rings);
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates).toHaveLength(2);
  });

  it('splits two cells touching at a corner into two rings that form a MultiPolygon', () => {
    const rings = trace([[0, 0], [1, 1]]);
    expect(rings.map((r) => r.length)).toEqual([4, 4]);
    expect(rings.every((r) => signedRingArea(r) === 1)).toBe(true);
    expect(ringsToPolygon(rings).type).toBe('MultiPolygon');
  });

  it('never returns a ring that passes the same vertex twice where a hole touches the outside at a pinch', () => {
    // A 3x3 block without its centre and without the corner diagonal to the centre: the empty
    // centre touches the outside only at the vertex (2, 2).
    const cells: [number, number][] = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (!(x === 1 && y === 1) && !(x === 2 && y === 2)) cells.push([x, y]);
    const rings = trace(cells);
    for (const ring of rings) expect(new Set(ring.map((p) => p.join())).size).toBe(ring.length);
    expect(rings.reduce((sum, r) => sum + signedRingArea(r), 0)).toBe(7);
    // An outer ring of the 3x3 block minus its corner, and the centre as a hole touching it.
    expect(rings.map(signedRingArea).sort((a, b) => a - b)).toEqual([-1, 8]);
    expect(ringsToPolygon(rings)).toMatchObject({ type: 'Polygon', coordinates: [{ length: 13 }, { length: 5 }] });
  });

  it('throws on edges that do not close', () => {
    expect(() => traceRings([0, 1], [1, 2], xs, ys)).toThrow(/Open boundary/);
  });
});
