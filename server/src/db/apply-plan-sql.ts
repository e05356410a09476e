import { isKeyGroupTag, type HouseholdTag, type Plan, type PlanApplyResult, type PlanGrid } from '@gridmap/shared';
import { chineseNumber } from '@gridmap/shared/demo/place-names';
import { labelPoint } from '@gridmap/shared/geo/label-point';
import { bboxOf, gridIndexOfPoints } from '@gridmap/shared/plans/partition-balance';
import { partitionFromGrids } from '@gridmap/shared/plans/grid-partition';
import { carriedStaff } from '@gridmap/shared/plans/plan-impact';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import { ApiError } from '../errors/api-error.ts';
import type { Db } from './open-db.ts';
import { getPlan, getPlannerCommunity, markPlanApplied } from './plans-sql.ts';
import { placeholders } from './sql-lists.ts';

/**
 * Applies a draft plan in one transaction: checks that the community's grids are still the
 * versions it was drafted from (409 naming the grids) and that its grids are a valid partition
 * (400 with the first problem and where); then writes the changed grids, reassigns the
 * households, incidents, grid-level mediation points and staff of the changed grids by
 * point-in-polygon, refreshes the grids' figures and records a new version of each changed grid.
 * On any error nothing is written.
 */
export function applyPlan(db: Db, planId: number, author: string, at: string): PlanApplyResult | null {
  return db.transaction((): PlanApplyResult | null => {
    const plan = getPlan(db, planId);
    if (!plan) return null;
    if (plan.status !== 'draft') throw new ApiError('conflict', `Plan ${planId} was applied at ${plan.appliedAt}`, 'id');
    const community = getPlannerCommunity(db, plan.communityId);
    if (!community) throw new ApiError('conflict', `Community ${plan.communityId} no longer exists`, 'communityId');

    const drafted = new Map(plan.base.map((b) => [b.id, b.version]));
    const current = new Map(community.grids.map((g) => [g.id, g]));
    const stale = [
      ...community.grids.filter((g) => drafted.get(g.id) !== g.version).map((g) => `${g.id} ${g.name}`),
      ...plan.base.filter((b) => !current.has(b.id)).map((b) => `${b.id} (removed)`),
    ];
    if (stale.length > 0) {
      throw new ApiError('conflict', `The grids changed since plan ${planId} was drafted: ${stale.join(', ')}; draft it again from the current grids`, 'base');
    }
    for (const [i, g] of plan.grids.entries()) {
      if (g.id > 0 && !current.has(g.id)) throw new ApiError('bad_request', `Grid ${g.id} is not a grid of community ${community.id}`, `grids[${i}].id`);
    }
    const problems = validatePartition(partitionFromGrids(plan.grids, community.geometry), community.geometry);
    if (problems.length > 0) {
      const p = problems[0];
      throw new ApiError('bad_request', `Invalid grids (${problems.length} problems): ${p.kind} at (${p.at[0]}, ${p.at[1]}): ${p.message}`, 'grids');
    }

    const planIds = new Set(plan.grids.map((g) => g.id));
    const removed = community.grids.filter((g) => !planIds.has(g.id)).map((g) => g.id);
    // A new name is a change too: it gets a version, so the history shows what a grid was called when.
    const changed = plan.grids.filter((g) => g.id > 0 && (
      JSON.stringify(current.get(g.id)!.geometry) !== JSON.stringify(g.geometry) || (g.name !== undefined && g.name !== current.get(g.id)!.name)));
    const created = plan.grids.filter((g) => g.id < 0);

    // New grids: ids and code serials never reused, so history stays unambiguous.
    let nextId = (db.prepare('SELECT max(m) FROM (SELECT max(id) AS m FROM areas UNION ALL SELECT max(grid_id) FROM grid_versions)').pluck().get() as number) + 1;
    let nextSerial = (db
      .prepare(`SELECT max(CAST(substr(code, -3) AS INTEGER)) FROM (SELECT code FROM areas WHERE parent_id = ?
        UNION ALL SELECT code FROM grid_versions WHERE community_id = ?)`)
      .pluck()
      .get(community.id, community.id) as number) + 1;
    const createdGrids: PlanApplyResult['createdGrids'] = [];
    const insertArea = db.prepare(`INSERT INTO areas (id, code, name, level, parent_id, geometry, label_lon, label_lat,
      min_lon, min_lat, max_lon, max_lat) VALUES (?, ?, ?, 'grid', ?, ?, ?, ?, ?, ?, ?, ?)`);
    const names = new Map<number, { code: string; name: string }>();
    for (const g of created) {
      const id = nextId++;
      const serial = nextSerial++;
      const code = community.code + String(serial).padStart(3, '0');
      const name = g.name ?? `${community.name}第${chineseNumber(serial)}网格`;
      const [lon, lat] = labelPoint(g.geometry);
      const [minLon, minLat, maxLon, maxLat] = bboxOf(g.geometry);
      insertArea.run(id, code, name, community.id, JSON.stringify(g.geometry), lon, lat, minLon, minLat, maxLon, maxLat);
      db.prepare(`INSERT INTO area_closure (ancestor_id, descendant_id, depth)
        SELECT ancestor_id, ?, depth + 1 FROM area_closure WHERE descendant_id = ? UNION ALL SELECT ?, ?, 0`).run(id, community.id, id, id);
      db.prepare('INSERT INTO areas_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)').run(id, minLon, maxLon, minLat, maxLat);
      createdGrids.push({ planId: g.id, id });
      names.set(id, { code, name });
    }
    const idOf = (g: PlanGrid) => (g.id > 0 ? g.id : createdGrids.find((c) => c.planId === g.id)!.id);
    for (const g of changed) {
      const [lon, lat] = labelPoint(g.geometry);
      const [minLon, minLat, maxLon, maxLat] = bboxOf(g.geometry);
      db.prepare(`UPDATE areas SET geometry = ?, label_lon = ?, label_lat = ?, min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ?,
          name = coalesce(?, name), version = version + 1 WHERE id = ?`)
        .run(JSON.stringify(g.geometry), lon, lat, minLon, minLat, maxLon, maxLat, g.name ?? null, g.id);
      db.prepare('UPDATE areas_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?').run(minLon, maxLon, minLat, maxLat, g.id);
    }

    // Only points in the changed area can change grid: those of the changed and removed grids.
    const target = [...changed, ...created];
    const targetIds = target.map(idOf);
    const sourceIds = [...changed.map((g) => g.id), ...removed];
    const reassign = (table: 'households' | 'incidents'): number => {
      if (sourceIds.length === 0) return 0;
      const rows = db.prepare(`SELECT id, lon, lat, grid_id FROM ${table} WHERE grid_id IN ${placeholders(sourceIds.length)}`)
        .raw().all(...sourceIds) as [number, number, number, number][];
      const found = gridIndexOfPoints(target, Float64Array.from(rows, (r) => r[1]), Float64Array.from(rows, (r) => r[2]));
      const update = db.prepare(`UPDATE ${table} SET grid_id = ? WHERE id = ?`);
      let moved = 0;
      rows.forEach(([id, lon, lat, old], i) => {
        if (found[i] < 0) throw new Error(`${table} ${id} at (${lon}, ${lat}) lies in none of the changed grids`);
        const grid = targetIds[found[i]];
        if (grid !== old) (update.run(grid, id), moved++);
      });
      return moved;
    };
    const reassignedHouseholds = reassign('households');
    const reassignedIncidents = reassign('incidents');
    const points = db.prepare(`SELECT id, lon, lat FROM mediation_points WHERE level = 'grid' AND area_id IN ${placeholders(Math.max(sourceIds.length, 1))}`)
      .raw().all(...(sourceIds.length ? sourceIds : [0])) as [number, number, number][];
    const pointGrids = gridIndexOfPoints(target, points.map((p) => p[1]), points.map((p) => p[2]));
    points.forEach(([id], i) => db.prepare('UPDATE mediation_points SET area_id = ? WHERE id = ?').run(targetIds[Math.max(pointGrids[i], 0)], id));
    for (const [from, to] of carriedStaff(community, plan.grids)) {
      const toId = to > 0 ? to : createdGrids.find((c) => c.planId === to)!.id;
      db.prepare('UPDATE staff SET grid_id = ? WHERE grid_id = ?').run(toId, from);
      // An account scoped to a grid that goes (issue 9's accounts) follows its staff.
      db.prepare('UPDATE accounts SET area_id = ? WHERE area_id = ?').run(toId, from);
    }

    refreshGridFigures(db, targetIds);

    // History: close each changed grid's open version and record the new one.
    const reason = plan.reason;
    const closeOpen = db.prepare('UPDATE grid_versions SET valid_to = ? WHERE grid_id = ? AND valid_to IS NULL');
    const insertVersion = db.prepare(`INSERT INTO grid_versions (grid_id, version, community_id, code, name, geometry, valid_from, valid_to, plan_id, author, reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`);
    const recordFirst = (g: (typeof community.grids)[number]) => {
      const has = db.prepare('SELECT 1 FROM grid_versions WHERE grid_id = ?').get(g.id);
      if (!has) {
        db.prepare(`INSERT INTO grid_versions (grid_id, version, community_id, code, name, geometry, valid_from, valid_to, plan_id, author, reason)
          VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, '', '')`).run(g.id, g.version, community.id, g.code, g.name, JSON.stringify(g.geometry), at);
      } else closeOpen.run(at, g.id);
    };
    for (const g of changed) {
      const old = current.get(g.id)!;
      recordFirst(old);
      insertVersion.run(g.id, old.version + 1, community.id, old.code, g.name ?? old.name, JSON.stringify(g.geometry), at, planId, author, reason);
    }
    for (const c of createdGrids) {
      const g = plan.grids.find((p) => p.id === c.planId)!;
      insertVersion.run(c.id, 1, community.id, names.get(c.id)!.code, names.get(c.id)!.name, JSON.stringify(g.geometry), at, planId, author, reason);
    }
    for (const id of removed) {
      const old = current.get(id)!;
      recordFirst(old);
      insertVersion.run(id, old.version + 1, community.id, old.code, old.name, null, at, planId, author, reason);
      db.prepare('UPDATE grid_versions SET valid_to = ? WHERE grid_id = ? AND version = ?').run(at, id, old.version + 1);
      db.prepare('DELETE FROM area_closure WHERE descendant_id = ?').run(id);
      db.prepare('DELETE FROM areas_rtree WHERE id = ?').run(id);
      db.prepare('DELETE FROM areas WHERE id = ?').run(id);
    }

    markPlanApplied(db, planId, at, author);
    return {
      plan: getPlan(db, planId)!,
      changedGrids: changed.map((g) => g.id),
      removedGrids: removed,
      createdGrids,
      reassignedHouseholds,
      reassignedIncidents,
    };
  })();
}

/**
 * Recounts the subtree figures of grids from their rows. A plan moves households and staff
 * between grids of one community only, so the community's and its ancestors' figures stay.
 */
export function refreshGridFigures(db: Db, gridIds: readonly number[]): void {
  if (gridIds.length === 0) return;
  const keyGroup = new Map<number, number>();
  const rows = db.prepare(`SELECT grid_id, tags FROM households WHERE grid_id IN ${placeholders(gridIds.length)} AND tags != '[]'`)
    .raw().all(...gridIds) as [number, string][];
  for (const [grid, tags] of rows) if ((JSON.parse(tags) as HouseholdTag[]).some(isKeyGroupTag)) keyGroup.set(grid, (keyGroup.get(grid) ?? 0) + 1);
  const update = db.prepare(`UPDATE areas SET
      households = (SELECT count(*) FROM households WHERE grid_id = @id),
      residents = (SELECT coalesce(sum(size), 0) FROM households WHERE grid_id = @id),
      staff = (SELECT count(*) FROM staff WHERE grid_id = @id),
      grid_workers = (SELECT count(*) FROM staff WHERE grid_id = @id AND role = 'grid_worker'),
      key_group_households = @keyGroup
    WHERE id = @id`);
  for (const id of gridIds) update.run({ id, keyGroup: keyGroup.get(id) ?? 0 });
}
