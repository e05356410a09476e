import type { Position } from 'geojson';
import { segmentCrossing } from '../geo/segment-crossing.ts';
import { traceRings } from '../geo/trace-rings.ts';
import type { Lattice } from './lattice.ts';

/**
 * The lattice cut by the outline: a planar subdivision of the outline into cells, each a simple
 * counter-clockwise ring of vertex ids. Vertices are shared by construction (a lattice vertex,
 * an outline vertex, or the one crossing of a lattice edge with an outline segment), so cells
 * that touch share identical vertices and no coordinate is ever computed twice.
 */
export interface ClippedLattice {
  xs: Float64Array;
  ys: Float64Array;
  /** Cell c's ring is cellVertices[cellStart[c] .. cellStart[c + 1]) (open: no closing repeat). */
  cellStart: Int32Array;
  cellVertices: Int32Array;
  /** The lattice cell each cell was cut from; a lattice cell on the outline may give several. */
  latticeCell: Int32Array;
}

interface Crossing {
  edge: number;
  t: number; // along the lattice edge
  seg: number;
  u: number; // along the outline segment
  vertex: number;
  enters: number; // the lattice cell the outline enters here
  leaves: number; // and the one it leaves
}

/** Clips every lattice cell to the outline ring (closed, counter-clockwise, simple). */
export function clipLattice(lattice: Lattice, ring: readonly Position[]): ClippedLattice {
  const { nx, ny } = lattice;
  const latticeVertexCount = (nx + 1) * (ny + 1);
  const horizontalEdges = nx * (ny + 1);
  const edgeCount = horizontalEdges + (nx + 1) * ny;
  const xs: number[] = Array.from(lattice.xs);
  const ys: number[] = Array.from(lattice.ys);
  const n = ring.length - 1;
  const outlineBase = xs.length;
  for (let k = 0; k < n; k++) (xs.push(ring[k][0]), ys.push(ring[k][1]));

  const edgeStart = (e: number) => (e < horizontalEdges ? e + Math.floor(e / nx) : e - horizontalEdges);
  const edgeEnd = (e: number) => (e < horizontalEdges ? edgeStart(e) + 1 : edgeStart(e) + nx + 1);

  // 1. Every crossing of a lattice edge with an outline segment, computed once.
  const crossingsOfEdge = new Map<number, Crossing[]>();
  const crossingCount = new Int32Array(edgeCount);
  const ordered: Crossing[] = [];
  for (let k = 0; k < n; k++) {
    const [ax, ay] = ring[k];
    const [bx, by] = ring[k + 1];
    const iLo = Math.max(0, Math.floor((Math.min(ax, bx) - lattice.x0) / lattice.dx) - 2);
    const iHi = Math.min(nx, Math.floor((Math.max(ax, bx) - lattice.x0) / lattice.dx) + 2);
    const jLo = Math.max(0, Math.floor((Math.min(ay, by) - lattice.y0) / lattice.dy) - 2);
    const jHi = Math.min(ny, Math.floor((Math.max(ay, by) - lattice.y0) / lattice.dy) + 2);
    const found: Crossing[] = [];
    const test = (edge: number, horizontal: boolean, i: number, j: number) => {
      const p = edgeStart(edge);
      const q = edgeEnd(edge);
      const c = segmentCrossing(xs[p], ys[p], xs[q], ys[q], ax, ay, bx, by);
      if (!c) return;
      // Seen along the lattice edge, side +1 means the outline runs from its right to its left.
      const left = horizontal ? j * nx + i : j * nx + i - 1;
      const right = horizontal ? (j - 1) * nx + i : j * nx + i;
      const vertex = xs.length;
      xs.push(c.x), ys.push(c.y);
      found.push({ edge, t: c.t, seg: k, u: c.u, vertex, enters: c.side > 0 ? left : right, leaves: c.side > 0 ? right : left });
    };
    for (let j = jLo; j <= jHi; j++) for (let i = iLo; i < Math.min(iHi + 1, nx); i++) test(j * nx + i, true, i, j);
    for (let j = jLo; j < Math.min(jHi + 1, ny); j++) for (let i = iLo; i <= iHi; i++) test(horizontalEdges + j * (nx + 1) + i, false, i, j);
    found.sort((a, b) => a.u - b.u);
    for (const c of found) {
      ordered.push(c);
      crossingCount[c.edge]++;
      const list = crossingsOfEdge.get(c.edge);
      if (list) list.push(c);
      else crossingsOfEdge.set(c.edge, [c]);
    }
  }
  if (ordered.length === 0) throw new Error('The outline crosses no lattice edge: the lattice step is too large');
  for (const list of crossingsOfEdge.values()) list.sort((a, b) => a.t - b.t);

  // 2. Inside or outside for each lattice vertex: flood from a corner (outside), flipping at
  // each edge crossed an odd number of times. Every edge is checked against its parity.
  const inside = floodInside(nx, ny, horizontalEdges, crossingCount);

  // 3. The outline between consecutive crossings lies in one lattice cell: chains of vertex ids.
  const chainsOfCell = new Map<number, number[][]>();
  for (let m = 0; m < ordered.length; m++) {
    const c = ordered[m];
    const next = ordered[(m + 1) % ordered.length];
    if (next.leaves !== c.enters) throw new Error(`Outline chain after segment ${c.seg} leaves a cell it never entered`);
    const chain = [c.vertex];
    if (!(m + 1 < ordered.length && next.seg === c.seg)) {
      let k = c.seg;
      do {
        k = (k + 1) % n;
        chain.push(outlineBase + k);
      } while (k !== next.seg);
    }
    chain.push(next.vertex);
    const list = chainsOfCell.get(c.enters);
    if (list) list.push(chain);
    else chainsOfCell.set(c.enters, [chain]);
  }

  // 4. Cells: whole quads inside, nothing outside, traced pieces on the outline.
  const cellStart: number[] = [0];
  const cellVertices: number[] = [];
  const latticeCell: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const cell = j * nx + i;
      const v00 = j * (nx + 1) + i;
      const v10 = v00 + 1;
      const v11 = v10 + nx + 1;
      const v01 = v00 + nx + 1;
      const bottom = j * nx + i;
      const top = bottom + nx;
      const left = horizontalEdges + j * (nx + 1) + i;
      const right = left + 1;
      const chains = chainsOfCell.get(cell);
      if (!chains && crossingCount[bottom] + crossingCount[top] + crossingCount[left] + crossingCount[right] === 0) {
        if (inside[v00]) {
          cellVertices.push(v00, v10, v11, v01);
          cellStart.push(cellVertices.length);
          latticeCell.push(cell);
        }
        continue;
      }
      from.length = 0;
      to.length = 0;
      const addSide = (edge: number, forward: boolean) => {
        const a = edgeStart(edge);
        const sequence = [a, ...(crossingsOfEdge.get(edge) ?? []).map((c) => c.vertex), edgeEnd(edge)];
        for (let s = 0; s + 1 < sequence.length; s++) {
          if ((inside[a] ^ (s & 1)) === 0) continue;
          if (forward) (from.push(sequence[s]), to.push(sequence[s + 1]));
          else (from.push(sequence[s + 1]), to.push(sequence[s]));
        }
      };
      addSide(bottom, true);
      addSide(right, true);
      addSide(top, false);
      addSide(left, false);
      for (const chain of chains ?? []) for (let s = 0; s + 1 < chain.length; s++) (from.push(chain[s]), to.push(chain[s + 1]));
      for (const piece of traceRings(from, to, xs, ys)) {
        if (ringTwiceArea(piece, xs, ys) <= 0) throw new Error(`Lattice cell ${cell} gave a piece that is not counter-clockwise`);
        for (const v of piece) cellVertices.push(v);
        cellStart.push(cellVertices.length);
        latticeCell.push(cell);
      }
    }
  }
  return {
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    cellStart: Int32Array.from(cellStart),
    cellVertices: Int32Array.from(cellVertices),
    latticeCell: Int32Array.from(latticeCell),
  };
}

function floodInside(nx: number, ny: number, horizontalEdges: number, crossingCount: Int32Array): Uint8Array {
  const inside = new Uint8Array((nx + 1) * (ny + 1));
  const seen = new Uint8Array(inside.length);
  const queue = new Int32Array(inside.length);
  let head = 0, tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  const visit = (from: number, to: number, edge: number) => {
    const status = inside[from] ^ (crossingCount[edge] & 1);
    if (!seen[to]) {
      seen[to] = 1;
      inside[to] = status;
      queue[tail++] = to;
    } else if (inside[to] !== status) {
      throw new Error(`Inconsistent crossings around lattice vertex ${to}`);
    }
  };
  while (head < tail) {
    const v = queue[head++];
    const i = v % (nx + 1);
    const j = (v - i) / (nx + 1);
    if (i < nx) visit(v, v + 1, j * nx + i);
    if (i > 0) visit(v, v - 1, j * nx + i - 1);
    if (j < ny) visit(v, v + nx + 1, horizontalEdges + j * (nx + 1) + i);
    if (j > 0) visit(v, v - nx - 1, horizontalEdges + (j - 1) * (nx + 1) + i);
  }
  return inside;
}

// Relative to the first vertex: with absolute degrees (~120, ~30) the products lose the
// millimetre-sized pieces that a nearly grazing outline cuts off.
function ringTwiceArea(ring: number[], xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const ox = xs[ring[0]], oy = ys[ring[0]];
  let sum = 0;
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k];
    const b = ring[(k + 1) % ring.length];
    sum += (xs[a] - ox) * (ys[b] - oy) - (xs[b] - ox) * (ys[a] - oy);
  }
  return sum;
}
