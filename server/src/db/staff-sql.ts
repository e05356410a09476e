import type { StaffMember } from '@gridmap/shared';
import { ApiError } from '../errors/api-error.ts';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

/** The staff of a grid and the unassigned staff, by id (names, no phones: a planner's list). */
export function listGridStaff(db: Db, gridId: number): StaffMember[] {
  const rows = db
    .prepare('SELECT id, grid_id, role, name FROM staff WHERE grid_id = ? OR grid_id IS NULL ORDER BY grid_id IS NULL, id')
    .all(gridId) as { id: number; grid_id: number | null; role: StaffMember['role']; name: string }[];
  return rows.map((r) => ({ id: r.id, gridId: r.grid_id, role: r.role, name: r.name }));
}

/** The grid each of `staffIds` is on now (null: unassigned); unknown ids are left out. */
export function currentGridsOfStaff(db: Db, staffIds: readonly number[]): { id: number; gridId: number | null }[] {
  if (staffIds.length === 0) return [];
  return db.prepare(`SELECT id, grid_id AS gridId FROM staff WHERE id IN ${placeholders(staffIds.length)} ORDER BY id`)
    .all(...staffIds) as { id: number; gridId: number | null }[];
}

/**
 * Makes `staffIds` the team of grid `gridId` in one transaction: the listed staff move to it
 * (from wherever they were) and its staff not listed are unassigned; the staff figures of every
 * grid touched and of their ancestors are recounted. 400 naming the first unknown id.
 */
export function setGridStaff(db: Db, gridId: number, staffIds: readonly number[]): StaffMember[] {
  return db.transaction(() => {
    const known = new Set(
      staffIds.length ? (db.prepare(`SELECT id FROM staff WHERE id IN ${placeholders(staffIds.length)}`).pluck().all(...staffIds) as number[]) : [],
    );
    const unknown = staffIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw new ApiError('bad_request', `No staff member with id ${staffIds[unknown]}`, `staffIds.${unknown}`);
    const touched = new Set<number>([gridId]);
    if (staffIds.length) {
      const from = db.prepare(`SELECT DISTINCT grid_id FROM staff WHERE id IN ${placeholders(staffIds.length)} AND grid_id IS NOT NULL`)
        .pluck().all(...staffIds) as number[];
      for (const g of from) touched.add(g);
    }
    db.prepare(`UPDATE staff SET grid_id = NULL WHERE grid_id = ?${staffIds.length ? ` AND id NOT IN ${placeholders(staffIds.length)}` : ''}`)
      .run(gridId, ...staffIds);
    if (staffIds.length) db.prepare(`UPDATE staff SET grid_id = ? WHERE id IN ${placeholders(staffIds.length)}`).run(gridId, ...staffIds);
    const ids = [...touched];
    db.prepare(`UPDATE areas SET
        staff = (SELECT count(*) FROM staff s JOIN area_closure c ON c.descendant_id = s.grid_id WHERE c.ancestor_id = areas.id),
        grid_workers = (SELECT count(*) FROM staff s JOIN area_closure c ON c.descendant_id = s.grid_id
                        WHERE c.ancestor_id = areas.id AND s.role = 'grid_worker')
      WHERE id IN (SELECT ancestor_id FROM area_closure WHERE descendant_id IN ${placeholders(ids.length)})`).run(...ids);
    return listGridStaff(db, gridId);
  })();
}
