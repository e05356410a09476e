import { forEachPointWithin, type PointCloud } from '../geo/points-within.ts';
import { INCIDENT_KINDS, type IncidentKind } from '../incidents/incident-catalogue.ts';

/** Distance within which a household counts as served by a mediation point (就近), metres. */
export const DEFAULT_COVERAGE_DISTANCE_M = 3_000;

/** The bit of a dispute kind in a coverage mask (INCIDENT_KINDS order). */
export function kindBit(kind: IncidentKind): number {
  return 1 << INCIDENT_KINDS.indexOf(kind);
}

/**
 * For each household (by its position in `households`), a bit mask of the dispute kinds that some
 * point within `distanceM` (haversine) takes. Works from the points outwards: a few hundred
 * radius queries instead of one nearest search per household and kind.
 */
export function coveredKinds(
  households: PointCloud,
  points: readonly { lon: number; lat: number; disputeKinds: readonly IncidentKind[] }[],
  distanceM: number,
): Uint16Array {
  const mask = new Uint16Array(households.count);
  // Points taking the most kinds first (the centres that take every kind): households they
  // cover need no distance test for the rooms beside them that take a subset of those kinds.
  const byBits = points
    .map((p) => ({ p, bits: p.disputeKinds.reduce((m, k) => m | kindBit(k), 0) }))
    .filter(({ bits }) => bits !== 0)
    .sort((a, b) => popCount(b.bits) - popCount(a.bits));
  for (const { p, bits } of byBits) {
    forEachPointWithin(
      households, p.lon, p.lat, distanceM,
      (i) => (mask[i] |= bits),
      (i) => (mask[i] & bits) === bits,
    );
  }
  return mask;
}

function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Households and, per dispute kind (INCIDENT_KINDS order), those farther than the distance from any point taking it. */
export interface AreaCoverage {
  households: number;
  uncovered: number[];
}

/**
 * Coverage figures of every area: each household counts in its grid and in every ancestor of
 * the grid (`parentOf` maps an area id to its parent's, null at the county).
 */
export function coverageByArea(
  mask: Uint16Array,
  gridOfHousehold: ArrayLike<number>,
  parentOf: ReadonlyMap<number, number | null>,
): Map<number, AreaCoverage> {
  const byGrid = new Map<number, AreaCoverage>();
  const entry = (map: Map<number, AreaCoverage>, id: number) => {
    let e = map.get(id);
    if (!e) map.set(id, (e = { households: 0, uncovered: INCIDENT_KINDS.map(() => 0) }));
    return e;
  };
  for (let i = 0; i < mask.length; i++) {
    const e = entry(byGrid, gridOfHousehold[i]);
    e.households++;
    const m = mask[i];
    for (let k = 0; k < INCIDENT_KINDS.length; k++) if ((m & (1 << k)) === 0) e.uncovered[k]++;
  }
  const all = new Map<number, AreaCoverage>();
  for (const [gridId, figures] of byGrid) {
    for (let id: number | null | undefined = gridId; id != null; id = parentOf.get(id)) {
      const e = entry(all, id);
      e.households += figures.households;
      figures.uncovered.forEach((n, k) => (e.uncovered[k] += n));
    }
  }
  return all;
}
