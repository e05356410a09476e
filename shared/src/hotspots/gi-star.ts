import type { Neighbourhood } from './neighbourhood.ts';
import { normalTwoSidedP } from './normal-p-value.ts';

/** The weights Gi* uses here, stated in every API answer so that a reader can redo the sums. */
export interface GiStarWeights {
  /** w_ij = 1 for j in the neighbourhood of i (and for j = i), 0 elsewhere. */
  scheme: 'binary';
  /** How the neighbourhood is drawn: H3 k-ring of `k` cells, or grids sharing an edge. */
  neighbourhood: 'k-ring' | 'shared-edge';
  k?: number;
  /** Gi* (star): the cell's own count is in its local sum, w_ii = 1. */
  includesSelf: true;
  /** Binary weights are used as they are: not divided by the number of neighbours. */
  rowStandardised: false;
}

export interface GiStarResult {
  z: Float64Array;
  /** Two-sided p-value of each z under the normal approximation. */
  p: Float64Array;
  mean: number;
  /** Population standard deviation of the counts, S in Getis & Ord (1995). */
  sd: number;
}

/**
 * Getis–Ord Gi* of `values` over `neighbourhood`, binary weights with the cell itself included
 * (Getis & Ord 1992, Ord & Getis 1995; the form ArcGIS documents):
 *   Gi* = (Σ_j w_ij x_j − x̄ W_i) / (S √((n S1_i − W_i²) / (n − 1)))
 * with W_i = Σ_j w_ij = 1 + neighbours, S1_i = Σ_j w_ij² = W_i for binary weights,
 * x̄ the mean and S = √(Σ x_j² / n − x̄²) over all n cells. A cell whose neighbourhood is the
 * whole study area, or values without spread, gets z = 0 and p = 1.
 * @example giStar(Float64Array.of(0, 0, 0, 4), pathOf4).z // [-1, -√3, 1/√3, 1]
 */
export function giStar(values: ArrayLike<number>, neighbourhood: Neighbourhood): GiStarResult {
  const n = neighbourhood.count;
  if (values.length !== n) throw new RangeError(`Gi*: ${values.length} values for ${n} cells`);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) (sum += values[i]), (sumSquares += values[i] * values[i]);
  const mean = n > 0 ? sum / n : 0;
  const sd = n > 0 ? Math.sqrt(Math.max(0, sumSquares / n - mean * mean)) : 0;
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  if (n < 2 || sd === 0) return { z, p, mean, sd };
  const { offsets, indices } = neighbourhood;
  for (let i = 0; i < n; i++) {
    let local = values[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) local += values[indices[e]];
    const w = 1 + offsets[i + 1] - offsets[i];
    const spread = (n * w - w * w) / (n - 1);
    if (spread <= 0) continue;
    z[i] = (local - mean * w) / (sd * Math.sqrt(spread));
    p[i] = normalTwoSidedP(z[i]);
  }
  return { z, p, mean, sd };
}
