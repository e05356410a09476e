import { METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';
import type { CellMesh } from './cell-mesh.ts';
import type { Random } from './random.ts';

/** Lloyd rounds after the k-means++ start: enough to even out the regions, cheap at county scale. */
const K_MEANS_ROUNDS = 6;

/**
 * Picks `k` distinct seed cells among `cells` by weighted k-means (k-means++ start, then Lloyd
 * rounds) over the cells' inner points, weighted by `weight` (households): seeds settle where
 * people live, so regions grown from them hold similar numbers of households.
 */
export function kMeansSeeds(mesh: CellMesh, cells: readonly number[], weight: ArrayLike<number>, k: number, random: Random): number[] {
  if (k > cells.length) throw new Error(`Cannot place ${k} seeds in ${cells.length} cells`);
  const n = cells.length;
  const kx = metresPerDegreeLon(mesh.innerY[cells[0]]);
  const px = new Float64Array(n), py = new Float64Array(n), w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = mesh.innerX[cells[i]] * kx;
    py[i] = mesh.innerY[cells[i]] * METRES_PER_DEGREE_LAT;
    // A little weight everywhere, so that empty stretches still belong to some centre.
    w[i] = weight[cells[i]] + 0.01;
  }
  const cx = new Float64Array(k), cy = new Float64Array(k);
  const nearest = new Float64Array(n).fill(Infinity);
  for (let c = 0; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i] * (c === 0 ? 1 : nearest[i]);
    let r = random.next() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      r -= w[i] * (c === 0 ? 1 : nearest[i]);
      if (r < 0) {
        chosen = i;
        break;
      }
    }
    cx[c] = px[chosen], cy[c] = py[chosen];
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], (px[i] - cx[c]) ** 2 + (py[i] - cy[c]) ** 2);
  }
  const owner = new Int32Array(n);
  for (let round = 0; round < K_MEANS_ROUNDS; round++) {
    for (let i = 0; i < n; i++) owner[i] = nearestCentre(px[i], py[i], cx, cy);
    const sx = new Float64Array(k), sy = new Float64Array(k), sw = new Float64Array(k);
    for (let i = 0; i < n; i++) (sx[owner[i]] += w[i] * px[i]), (sy[owner[i]] += w[i] * py[i]), (sw[owner[i]] += w[i]);
    for (let c = 0; c < k; c++) if (sw[c] > 0) (cx[c] = sx[c] / sw[c]), (cy[c] = sy[c] / sw[c]);
  }
  // Each centre takes the nearest cell not already taken.
  const taken = new Set<number>();
  const seeds: number[] = [];
  for (let c = 0; c < k; c++) {
    let best = -1, bestD = Infinity;
    for (let i = 0; i < n; i++) {
      if (taken.has(i)) continue;
      const d = (px[i] - cx[c]) ** 2 + (py[i] - cy[c]) ** 2;
      if (d < bestD) (bestD = d), (best = i);
    }
    taken.add(best);
    seeds.push(cells[best]);
  }
  return seeds;
}

function nearestCentre(x: number, y: number, cx: Float64Array, cy: Float64Array): number {
  let best = 0, bestD = Infinity;
  for (let c = 0; c < cx.length; c++) {
    const d = (x - cx[c]) ** 2 + (y - cy[c]) ** 2;
    if (d < bestD) (bestD = d), (best = c);
  }
  return best;
}
