import type { Position } from 'geojson';
import { METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';
import type { Random } from './random.ts';

/** Largest jitter of a lattice vertex, as a fraction of the step: organic, yet every cell stays convex. */
export const LATTICE_JITTER = 0.25;

/** Margin of the lattice around the outline's bounding box, in steps: its border vertices lie outside. */
const MARGIN_STEPS = 1.5;

/**
 * A square lattice of (nx + 1) × (ny + 1) vertices over a bounding box, each interior vertex moved
 * by up to LATTICE_JITTER of the step in a random direction. Vertex (i, j) has id j * (nx + 1) + i;
 * cell (i, j) has id j * nx + i and corners (i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1).
 */
export interface Lattice {
  nx: number;
  ny: number;
  /** Unjittered position of vertex (0, 0) and the step, in degrees. */
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  xs: Float64Array;
  ys: Float64Array;
}

/** Builds the lattice over the ring's bounding box with a step of `stepM` metres. */
export function buildLattice(ring: readonly Position[], stepM: number, random: Random): Lattice {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x), maxX = Math.max(maxX, x), minY = Math.min(minY, y), maxY = Math.max(maxY, y);
  }
  const dx = stepM / metresPerDegreeLon((minY + maxY) / 2);
  const dy = stepM / METRES_PER_DEGREE_LAT;
  const x0 = minX - MARGIN_STEPS * dx;
  const y0 = minY - MARGIN_STEPS * dy;
  const nx = Math.ceil((maxX - x0) / dx + MARGIN_STEPS);
  const ny = Math.ceil((maxY - y0) / dy + MARGIN_STEPS);
  const xs = new Float64Array((nx + 1) * (ny + 1));
  const ys = new Float64Array((nx + 1) * (ny + 1));
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const id = j * (nx + 1) + i;
      xs[id] = x0 + i * dx;
      ys[id] = y0 + j * dy;
      if (i === 0 || j === 0 || i === nx || j === ny) continue;
      // Uniform over a disc of radius LATTICE_JITTER steps.
      const r = LATTICE_JITTER * Math.sqrt(random.next());
      const a = 2 * Math.PI * random.next();
      xs[id] += r * Math.cos(a) * dx;
      ys[id] += r * Math.sin(a) * dy;
    }
  }
  return { nx, ny, x0, y0, dx, dy, xs, ys };
}
