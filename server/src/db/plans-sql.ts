import {
  isKeyGroupTag,
  OPEN_STATUSES,
  type HouseholdTag,
  type Plan,
  type PlanDraftRequest,
  type PlannerCommunity,
  type StaffRole,
} from '@gridmap/shared';
import type { BalancePoints } from '@gridmap/shared/plans/partition-balance';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

interface RawPlan {
  id: number;
  community_id: number;
  author: string;
  reason: string;
  status: 'draft' | 'applied';
  base: string;
  grids: string;
  created_at: string;
  applied_at: string | null;
  applied_by: string | null;
}

/** Saves a draft plan and returns it. */
export function insertPlan(db: Db, draft: PlanDraftRequest, createdAt: string): Plan {
  const id = db
    .prepare(`INSERT INTO plans (community_id, author, reason, status, base, grids, created_at)
      VALUES (?, ?, ?, 'draft', ?, ?, ?)`)
    .run(draft.communityId, draft.author, draft.reason, JSON.stringify(draft.base), JSON.stringify(draft.grids), createdAt)
    .lastInsertRowid as number;
  return getPlan(db, id)!;
}

/** One plan, or null when there is none with that id. */
export function getPlan(db: Db, id: number): Plan | null {
  const row = db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as RawPlan | undefined;
  return row ? planOf(row) : null;
}

/** The plans of a community, newest first, without their geometry (a list for other planners to open). */
export function listPlans(db: Db, communityId: number): Omit<Plan, 'grids' | 'base'>[] {
  const rows = db.prepare('SELECT * FROM plans WHERE community_id = ? ORDER BY id DESC').all(communityId) as RawPlan[];
  return rows.map((r) => {
    const { grids: _grids, base: _base, ...rest } = planOf(r);
    return rest;
  });
}

/** Marks a plan applied. */
export function markPlanApplied(db: Db, id: number, at: string, by: string): void {
  db.prepare(`UPDATE plans SET status = 'applied', applied_at = ?, applied_by = ? WHERE id = ?`).run(at, by, id);
}

function planOf(r: RawPlan): Plan {
  return {
    id: r.id,
    communityId: r.community_id,
    author: r.author,
    reason: r.reason,
    status: r.status,
    base: JSON.parse(r.base),
    grids: JSON.parse(r.grids),
    createdAt: r.created_at,
    appliedAt: r.applied_at,
    appliedBy: r.applied_by,
  };
}

/** A community with its grids and their versions, or null when `id` is not a community. */
export function getPlannerCommunity(db: Db, id: number): (PlannerCommunity & { code: string }) | null {
  const community = db
    .prepare(`SELECT id, code, name, geometry FROM areas WHERE id = ? AND level = 'community'`)
    .get(id) as { id: number; code: string; name: string; geometry: string } | undefined;
  if (!community) return null;
  const grids = db
    .prepare(`SELECT id, code, name, version, label_lon, label_lat, geometry FROM areas WHERE parent_id = ? ORDER BY id`)
    .all(id) as { id: number; code: string; name: string; version: number; label_lon: number; label_lat: number; geometry: string }[];
  return {
    id: community.id,
    code: community.code,
    name: community.name,
    geometry: JSON.parse(community.geometry),
    grids: grids.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      version: g.version,
      labelPoint: [g.label_lon, g.label_lat],
      geometry: JSON.parse(g.geometry),
    })),
  };
}

/** The households and open incidents of a community's grids, as the balance counts them. */
export function communityPoints(db: Db, communityId: number): BalancePoints {
  const households = db
    .prepare(`SELECT lon, lat, size, tags FROM households
      WHERE grid_id IN (SELECT id FROM areas WHERE parent_id = ?)`)
    .raw()
    .all(communityId) as [number, number, number, string][];
  const incidents = db
    .prepare(`SELECT lon, lat FROM incidents
      WHERE grid_id IN (SELECT id FROM areas WHERE parent_id = ?) AND status IN ${placeholders(OPEN_STATUSES.length)}`)
    .raw()
    .all(communityId, ...OPEN_STATUSES) as [number, number][];
  return {
    householdLon: Float64Array.from(households, (h) => h[0]),
    householdLat: Float64Array.from(households, (h) => h[1]),
    householdSize: Int32Array.from(households, (h) => h[2]),
    householdKeyGroup: Uint8Array.from(households, (h) => ((JSON.parse(h[3]) as HouseholdTag[]).some(isKeyGroupTag) ? 1 : 0)),
    incidentLon: Float64Array.from(incidents, (i) => i[0]),
    incidentLat: Float64Array.from(incidents, (i) => i[1]),
  };
}

/** The roles of the staff of each grid of a community. */
export function staffRolesByGrid(db: Db, communityId: number): Map<number, StaffRole[]> {
  const rows = db
    .prepare(`SELECT grid_id, role FROM staff WHERE grid_id IN (SELECT id FROM areas WHERE parent_id = ?) ORDER BY id`)
    .raw()
    .all(communityId) as [number, StaffRole][];
  const out = new Map<number, StaffRole[]>();
  for (const [grid, role] of rows) out.set(grid, [...(out.get(grid) ?? []), role]);
  return out;
}
