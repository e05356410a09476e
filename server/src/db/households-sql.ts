import type { HouseholdRecord } from '@gridmap/shared';
import type { Bbox } from './bbox-sql.ts';
import { bboxCondition, bboxParams } from './bbox-sql.ts';
import { inSubtree } from './in-subtree.ts';
import type { Db } from './open-db.ts';
import { toPage, type Page, type PageRequest } from './paging.ts';

export interface HouseholdFilter {
  bbox?: Bbox;
  gridId?: number;
  /** Only households in grids inside this area: an account's scope. */
  within?: number;
}

/** A household as stored: names and phones unmasked (the route decides what a caller sees). */
export type HouseholdRow = HouseholdRecord;

/** A page of households matching the filter, ordered by id. */
export function listHouseholds(db: Db, filter: HouseholdFilter, page: PageRequest): Page<HouseholdRow> {
  const where = ['h.id > ?'];
  const params: unknown[] = [page.afterId ?? 0];
  if (filter.gridId !== undefined) {
    where.push('h.grid_id = ?');
    params.push(filter.gridId);
  }
  if (filter.within !== undefined) {
    where.push(inSubtree('h.grid_id'));
    params.push(filter.within);
  }
  if (filter.bbox !== undefined) {
    where.push(bboxCondition('h', 'households_rtree'));
    params.push(...bboxParams(filter.bbox));
  }
  return toPage(selectHouseholds(db, where, params, page.limit + 1), page.limit);
}

/** One household, or null when there is no such id. */
export function getHousehold(db: Db, id: number): HouseholdRow | null {
  return selectHouseholds(db, ['h.id = ?'], [id], 1)[0] ?? null;
}

/** Households matching every `where` condition, ordered by id, `limit` at most. */
function selectHouseholds(db: Db, where: string[], params: unknown[], limit: number): HouseholdRow[] {
  const rows = db
    .prepare(`SELECT h.id, h.grid_id AS gridId, h.lon, h.lat, h.address, h.size, h.tags,
        h.head_name AS headName, h.phone
      FROM households h WHERE ${where.join(' AND ')} ORDER BY h.id LIMIT ?`)
    .all(...params, limit) as (Omit<HouseholdRow, 'tags'> & { tags: string })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as HouseholdRow['tags'] }));
}
