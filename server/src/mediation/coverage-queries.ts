import { kindBit, type CoverageSuggestions, type IncidentKind } from '@gridmap/shared';
import { greedyCoverage } from '@gridmap/shared/mediation/greedy-coverage';
import type { MediationPointRow } from '../db/mediation-points-sql.ts';
import type { CoverageResult } from './coverage-service.ts';

/** Grid ids under `areaId` (itself included), or null for the whole county. */
function gridsUnder(result: CoverageResult, areaId: number | undefined): Set<number> | null {
  if (areaId === undefined) return null;
  const children = new Map<number, number[]>();
  for (const a of result.areas) if (a.parentId !== null) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  const grids = new Set<number>();
  const stack = [areaId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    const kids = children.get(id);
    if (kids) stack.push(...kids);
    else grids.add(id);
  }
  return grids;
}

/**
 * Ids of households (ascending, after `afterId`, `limit` at most) whose mask lacks `bit`:
 * farther than the distance from any point taking that kind; inside `areaId` when given.
 */
export function uncoveredHouseholdIds(result: CoverageResult, bit: number, areaId: number | undefined, afterId: number, limit: number): number[] {
  const grids = gridsUnder(result, areaId);
  const { id, gridId } = result.households;
  const out: number[] = [];
  for (let i = 0; i < id.length && out.length < limit; i++) {
    if (id[i] <= afterId || (result.mask[i] & bit) !== 0) continue;
    if (grids && !grids.has(gridId[i])) continue;
    out.push(id[i]);
  }
  return out;
}

/**
 * Up to `n` community centres (label points) without a point of their own in service that takes
 * `kind`, chosen
 * greedily to cover the most households now farther than the distance from any point taking `kind`.
 */
export function suggestPoints(
  result: CoverageResult,
  inService: readonly MediationPointRow[],
  kind: IncidentKind,
  n: number,
  /** An account's scope: only its communities are candidates and only its households count. */
  scope?: { areas: ReadonlySet<number>; grids: ReadonlySet<number> },
): CoverageSuggestions {
  const bit = kindBit(kind);
  const served = new Set(inService.filter((p) => p.disputeKinds.includes(kind)).map((p) => p.areaId));
  const candidates = result.areas
    .filter((a) => a.level === 'community' && !served.has(a.id) && (!scope || scope.areas.has(a.id)))
    .map((a) => ({ id: a.id, name: a.name, lon: a.labelLon, lat: a.labelLat }));
  const isUncovered = (i: number) => (result.mask[i] & bit) === 0 && (!scope || scope.grids.has(result.households.gridId[i]));
  let uncoveredBefore = 0;
  for (let i = 0; i < result.mask.length; i++) if (isUncovered(i)) uncoveredBefore++;
  const picks = greedyCoverage(result.cloud, isUncovered, candidates, result.distanceM, n);
  return {
    disputeKind: kind,
    distanceM: result.distanceM,
    uncoveredBefore,
    suggestions: picks.map((p, rank) => ({
      rank: rank + 1,
      areaId: p.candidate.id,
      name: p.candidate.name,
      lon: p.candidate.lon,
      lat: p.candidate.lat,
      householdIds: p.households.map((i) => result.households.id[i]).sort((a, b) => a - b),
    })),
  };
}
