import type { PlanGrid, PlanImpact, PlannerCommunity } from '../api/plans-api.ts';
import { pointInPolygon } from '../geo/point-in-ring.ts';
import type { StaffRole } from '../staff/staff-roles.ts';
import { partitionFromGrids } from './grid-partition.ts';
import { balanceFigure, gridFigures, type BalancePoints, type GridFigures } from './partition-balance.ts';
import { validatePartition } from './validate-partition.ts';

/**
 * Where the staff of a grid the plan removes go: to the plan's grid that holds the removed
 * grid's label point (the grid it was merged into, for a merge). Returns removed id → new id.
 */
export function carriedStaff(community: PlannerCommunity, planGrids: readonly PlanGrid[]): Map<number, number> {
  const kept = new Set(planGrids.map((g) => g.id));
  const out = new Map<number, number>();
  for (const g of community.grids) {
    if (kept.has(g.id)) continue;
    const [x, y] = g.labelPoint;
    const target = planGrids.find((p) => pointInPolygon(x, y, p.geometry)) ?? planGrids[0];
    out.set(g.id, target.id);
  }
  return out;
}

/**
 * What a plan does to a community before it is applied: the problems of its geometry, the grids
 * changed since it was drafted, and every grid's figures and the community's balance before and after.
 */
export function planImpact(
  community: PlannerCommunity,
  points: BalancePoints,
  staffRoles: ReadonlyMap<number, readonly StaffRole[]>,
  planGrids: readonly PlanGrid[],
  base: readonly { id: number; version: number }[] | null,
): PlanImpact {
  const problems = validatePartition(partitionFromGrids(planGrids, community.geometry), community.geometry);
  const current = new Map(community.grids.map((g) => [g.id, g]));
  const staleGrids: number[] = [];
  if (base) {
    const drafted = new Map(base.map((b) => [b.id, b.version]));
    for (const g of community.grids) if (drafted.get(g.id) !== g.version) staleGrids.push(g.id);
    for (const b of base) if (!current.has(b.id)) staleGrids.push(b.id);
  }
  const before = gridFigures(community.grids, points, (id) => staffRoles.get(id) ?? []);
  const carried = carriedStaff(community, planGrids);
  const after = gridFigures(planGrids, points, (id) => [
    ...(current.has(id) ? staffRoles.get(id) ?? [] : []),
    ...[...carried].filter(([, to]) => to === id).flatMap(([from]) => staffRoles.get(from) ?? []),
  ]);
  const grids: PlanImpact['grids'] = [];
  for (const p of planGrids) {
    const old = current.get(p.id);
    const change = !old ? 'new' : JSON.stringify(old.geometry) === JSON.stringify(p.geometry) ? 'unchanged' : 'changed';
    grids.push({ id: p.id, name: p.name ?? old?.name ?? '', change, before: old ? before.get(p.id)! : null, after: after.get(p.id)! });
  }
  for (const g of community.grids) {
    if (!after.has(g.id)) grids.push({ id: g.id, name: g.name, change: 'removed', before: before.get(g.id)!, after: null });
  }
  return { communityId: community.id, problems, staleGrids, grids, balance: { before: balanceOf(before), after: balanceOf(after) } };
}

function balanceOf(figures: ReadonlyMap<number, GridFigures>): PlanImpact['balance']['before'] {
  const list = [...figures.values()];
  return {
    households: balanceFigure(list.map((f) => f.households)),
    householdsPerGridWorker: balanceFigure(list.flatMap((f) => (f.householdsPerGridWorker === null ? [] : [f.householdsPerGridWorker]))),
  };
}
