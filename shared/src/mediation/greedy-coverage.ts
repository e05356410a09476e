import { forEachPointWithin, type PointCloud } from '../geo/points-within.ts';

/** A place a new mediation point could go, e.g. a community centre without one. */
export interface CandidatePlace {
  id: number;
  lon: number;
  lat: number;
}

/** One pick of the greedy suggestion: the place and the households it newly covers (positions in the cloud). */
export interface CoverageSuggestion<C extends CandidatePlace> {
  candidate: C;
  households: number[];
}

/**
 * Up to `n` candidate places that together cover the most uncovered households within
 * `distanceM` (greedy maximum coverage: each pick covers the most households no earlier pick
 * covers; ties by candidate id). Stops early when no candidate covers anyone new. The greedy
 * answer covers at least 1 − 1/e (63 %) of what the best n places could.
 */
export function greedyCoverage<C extends CandidatePlace>(
  households: PointCloud,
  isUncovered: (i: number) => boolean,
  candidates: readonly C[],
  distanceM: number,
  n: number,
): CoverageSuggestion<C>[] {
  const reach = candidates.map((c) => {
    const within: number[] = [];
    forEachPointWithin(households, c.lon, c.lat, distanceM, (i) => within.push(i), (i) => !isUncovered(i));
    return within.sort((a, b) => a - b);
  });
  const taken = new Uint8Array(households.count);
  const chosen = new Set<number>();
  const picks: CoverageSuggestion<C>[] = [];
  while (picks.length < n) {
    let best = -1;
    let bestGain = 0;
    reach.forEach((within, c) => {
      if (chosen.has(c)) return;
      let gain = 0;
      for (const i of within) gain += 1 - taken[i];
      if (gain > bestGain || (gain === bestGain && gain > 0 && candidates[c].id < candidates[best].id)) {
        best = c;
        bestGain = gain;
      }
    });
    if (best < 0) break;
    chosen.add(best);
    const newly = reach[best].filter((i) => taken[i] === 0);
    for (const i of newly) taken[i] = 1;
    picks.push({ candidate: candidates[best], households: newly });
  }
  return picks;
}
