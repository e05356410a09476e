import { benjaminiHochberg } from './benjamini-hochberg.ts';
import { giStar } from './gi-star.ts';
import { hotspotBin, type HotspotBin } from './hotspot-bins.ts';
import type { Neighbourhood } from './neighbourhood.ts';

export interface ClassifiedHotspots {
  z: Float64Array;
  p: Float64Array;
  /** Benjamini–Hochberg q-value of each p over all cells. */
  q: Float64Array;
  bins: HotspotBin[];
  mean: number;
  sd: number;
}

/**
 * Gi* of every cell and its hot/cold class, judged by the BH q-value when `fdr` is on (the
 * default of the API) or by the raw p-value when it is off.
 */
export function classifyHotspots(counts: ArrayLike<number>, neighbourhood: Neighbourhood, fdr: boolean): ClassifiedHotspots {
  const { z, p, mean, sd } = giStar(counts, neighbourhood);
  const q = benjaminiHochberg(p);
  const judged = fdr ? q : p;
  const bins = Array.from(z, (zi, i) => hotspotBin(zi, judged[i]));
  return { z, p, q, bins, mean, sd };
}
