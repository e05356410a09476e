import type { Position } from 'geojson';
import { METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';
import { clipLattice, type ClippedLattice } from './clip-lattice.ts';
import { buildLattice, type Lattice } from './lattice.ts';
import type { Random } from './random.ts';

/** The cells of the county with what the partition needs: neighbours, inner points and areas. */
export interface CellMesh extends ClippedLattice {
  lattice: Lattice;
  cellCount: number;
  /** Parallel to cellVertices: the cell across the edge from ring[k] to ring[k + 1], or -1 outside. */
  cellNeighbour: Int32Array;
  /** A point inside each cell (the centroid for the convex whole cells). */
  innerX: Float64Array;
  innerY: Float64Array;
  areaM2: Float64Array;
  /** Cells of lattice cell l are latticeStart[l] .. latticeStart[l + 1] (cells come in lattice order). */
  latticeStart: Int32Array;
}

/** Cuts the outline ring into lattice cells of about `stepM` metres and links them up. */
export function buildCellMesh(ring: readonly Position[], stepM: number, random: Random): CellMesh {
  const lattice = buildLattice(ring, stepM, random);
  const clipped = clipLattice(lattice, ring);
  const { xs, ys, cellStart, cellVertices, latticeCell } = clipped;
  const cellCount = cellStart.length - 1;
  const vertexCount = xs.length;

  const edgeOwner = new Map<number, number>();
  for (let c = 0; c < cellCount; c++) {
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const next = k + 1 < cellStart[c + 1] ? k + 1 : cellStart[c];
      edgeOwner.set(cellVertices[k] * vertexCount + cellVertices[next], c);
    }
  }
  const cellNeighbour = new Int32Array(cellVertices.length);
  for (let c = 0; c < cellCount; c++) {
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const next = k + 1 < cellStart[c + 1] ? k + 1 : cellStart[c];
      cellNeighbour[k] = edgeOwner.get(cellVertices[next] * vertexCount + cellVertices[k]) ?? -1;
    }
  }

  const innerX = new Float64Array(cellCount);
  const innerY = new Float64Array(cellCount);
  const areaM2 = new Float64Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    // Centroid relative to the first vertex, for precision in tiny clipped cells.
    let twice = 0, cx = 0, cy = 0;
    const start = cellStart[c], end = cellStart[c + 1];
    const ox = xs[cellVertices[start]], oy = ys[cellVertices[start]];
    for (let k = start; k < end; k++) {
      const a = cellVertices[k];
      const b = cellVertices[k + 1 < end ? k + 1 : start];
      const ax = xs[a] - ox, ay = ys[a] - oy, bx = xs[b] - ox, by = ys[b] - oy;
      const cross = ax * by - bx * ay;
      twice += cross;
      cx += (ax + bx) * cross;
      cy += (ay + by) * cross;
    }
    innerX[c] = ox + cx / (3 * twice);
    innerY[c] = oy + cy / (3 * twice);
    areaM2[c] = (twice / 2) * metresPerDegreeLon(innerY[c]) * METRES_PER_DEGREE_LAT;
    if (end - start !== 4 && !pointInCell(clipped, c, innerX[c], innerY[c])) findInnerPoint(clipped, c, innerX, innerY);
  }

  const latticeStart = new Int32Array(lattice.nx * lattice.ny + 1);
  for (let c = 0; c < cellCount; c++) latticeStart[latticeCell[c] + 1]++;
  for (let l = 0; l < lattice.nx * lattice.ny; l++) latticeStart[l + 1] += latticeStart[l];

  return { ...clipped, lattice, cellCount, cellNeighbour, innerX, innerY, areaM2, latticeStart };
}

/** True when (x, y) lies inside cell c. */
export function pointInCell(mesh: ClippedLattice, c: number, x: number, y: number): boolean {
  const { xs, ys, cellStart, cellVertices } = mesh;
  let inside = false;
  const start = cellStart[c], end = cellStart[c + 1];
  for (let k = start, p = end - 1; k < end; p = k++) {
    const xi = xs[cellVertices[k]], yi = ys[cellVertices[k]];
    const xj = xs[cellVertices[p]], yj = ys[cellVertices[p]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The cell containing (x, y), or -1 outside the county. */
export function locateCell(mesh: CellMesh, x: number, y: number): number {
  const { nx, ny, x0, y0, dx, dy } = mesh.lattice;
  const i0 = Math.floor((x - x0) / dx);
  const j0 = Math.floor((y - y0) / dy);
  for (let j = Math.max(0, j0 - 1); j <= Math.min(ny - 1, j0 + 1); j++) {
    for (let i = Math.max(0, i0 - 1); i <= Math.min(nx - 1, i0 + 1); i++) {
      const l = j * nx + i;
      for (let c = mesh.latticeStart[l]; c < mesh.latticeStart[l + 1]; c++) if (pointInCell(mesh, c, x, y)) return c;
    }
  }
  return -1;
}

/** A uniformly random point inside cell c, by rejection in its bounding box. */
export function randomPointInCell(mesh: ClippedLattice, c: number, random: Random): [number, number] {
  const { minX, maxX, minY, maxY } = cellBounds(mesh, c);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const x = random.range(minX, maxX);
    const y = random.range(minY, maxY);
    if (pointInCell(mesh, c, x, y)) return [x, y];
  }
  throw new Error(`No random point found inside cell ${c}`);
}

function cellBounds(mesh: ClippedLattice, c: number) {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let k = mesh.cellStart[c]; k < mesh.cellStart[c + 1]; k++) {
    const v = mesh.cellVertices[k];
    minX = Math.min(minX, mesh.xs[v]), maxX = Math.max(maxX, mesh.xs[v]);
    minY = Math.min(minY, mesh.ys[v]), maxY = Math.max(maxY, mesh.ys[v]);
  }
  return { minX, maxX, minY, maxY };
}

// A clipped cell can be concave with its centroid outside: scan a fine grid of its bounding box
// for the inside point nearest the centroid (deterministic, no randomness needed).
function findInnerPoint(mesh: ClippedLattice, c: number, innerX: Float64Array, innerY: Float64Array): void {
  const { minX, maxX, minY, maxY } = cellBounds(mesh, c);
  const steps = 32;
  let best = Infinity;
  let bx = NaN, by = NaN;
  for (let a = 0; a < steps; a++) {
    for (let b = 0; b < steps; b++) {
      const x = minX + ((a + 0.5) / steps) * (maxX - minX);
      const y = minY + ((b + 0.5) / steps) * (maxY - minY);
      const d = (x - innerX[c]) ** 2 + (y - innerY[c]) ** 2;
      if (d < best && pointInCell(mesh, c, x, y)) (best = d), (bx = x), (by = y);
    }
  }
  if (Number.isNaN(bx)) throw new Error(`Cell ${c} is too thin to hold an inner point`);
  innerX[c] = bx;
  innerY[c] = by;
}
