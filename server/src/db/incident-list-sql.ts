import {
  OPEN_STATUSES,
  type AreaLevel,
  type IncidentSort,
  type IncidentSortKey,
} from '@gridmap/shared';
import { bboxCondition, bboxParams } from './bbox-sql.ts';
import { inSubtree } from './in-subtree.ts';
import { selectIncidents, type IncidentFilter, type IncidentRow } from './incidents-sql.ts';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

/** The list's filters: the layer's, and those of the area panel's table. */
export interface IncidentListFilter extends IncidentFilter {
  /** Handled at one of these levels now. */
  levels?: AreaLevel[];
  /** true: open and past the deadline now; false: not so. */
  overdue?: boolean;
}

/** Where a page starts: after the row with this sort value and id. */
export interface SortCursor {
  value: string | number;
  id: number;
}

const SORT_COLUMNS: Record<IncidentSortKey, string> = {
  id: 'i.id',
  reportedAt: 'i.reported_at',
  deadlineAt: 'i.deadline_at',
  severity: 'i.severity',
};

/** The key and direction of a `sort` value. */
export function parseSort(sort: IncidentSort): { key: IncidentSortKey; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as IncidentSortKey, descending: true } : { key: sort as IncidentSortKey, descending: false };
}

/** SQL conditions and their parameters for every filter given, at `now` (for overdue). */
export function incidentListConditions(filter: IncidentListFilter, now: Date): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.bbox !== undefined) {
    where.push(bboxCondition('i', 'incidents_rtree'));
    params.push(...bboxParams(filter.bbox));
  }
  if (filter.from !== undefined) {
    where.push('i.reported_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('i.reported_at < ?');
    params.push(filter.to);
  }
  if (filter.kinds !== undefined) {
    where.push(`i.kind IN ${placeholders(filter.kinds.length)}`);
    params.push(...filter.kinds);
  }
  if (filter.statuses !== undefined) {
    where.push(`i.status IN ${placeholders(filter.statuses.length)}`);
    params.push(...filter.statuses);
  }
  if (filter.levels !== undefined) {
    where.push(`i.level IN ${placeholders(filter.levels.length)}`);
    params.push(...filter.levels);
  }
  if (filter.overdue !== undefined) {
    const overdue = `(i.status IN ${placeholders(OPEN_STATUSES.length)} AND i.deadline_at < ?)`;
    where.push(filter.overdue ? overdue : `NOT ${overdue}`);
    params.push(...OPEN_STATUSES, now.toISOString());
  }
  if (filter.areaId !== undefined) {
    where.push(inSubtree('i.grid_id'));
    params.push(filter.areaId);
  }
  return { where, params };
}

export interface SortedPage {
  items: IncidentRow[];
  /** Where the next page starts, null on the last page. */
  next: SortCursor | null;
}

/**
 * One page of the incidents matching `filter` in `sort` order, after `cursor`: a keyset page
 * (`(column, id) > (value, id)`), so that page 1,000 costs what page 1 does and rows written
 * meanwhile neither repeat nor go missing.
 */
export function listIncidentsSorted(
  db: Db,
  filter: IncidentListFilter,
  sort: IncidentSort,
  cursor: SortCursor | undefined,
  limit: number,
  now: Date,
): SortedPage {
  const { key, descending } = parseSort(sort);
  const column = SORT_COLUMNS[key];
  const { where, params } = incidentListConditions(filter, now);
  if (cursor !== undefined) {
    where.push(key === 'id' ? `i.id ${descending ? '<' : '>'} ?` : `(${column}, i.id) ${descending ? '<' : '>'} (?, ?)`);
    params.push(...(key === 'id' ? [cursor.id] : [cursor.value, cursor.id]));
  }
  const direction = descending ? 'DESC' : 'ASC';
  const orderBy = key === 'id' ? `i.id ${direction}` : `${column} ${direction}, i.id ${direction}`;
  const rows = selectIncidents(db, where.length > 0 ? where : ['1'], params, now, limit + 1, orderBy);
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: { value: last[key], id: last.id } };
}

/** How many incidents match `filter`. */
export function countIncidents(db: Db, filter: IncidentListFilter, now: Date): number {
  const { where, params } = incidentListConditions(filter, now);
  const row = db.prepare(`SELECT count(*) AS n FROM incidents i ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(...params) as { n: number };
  return row.n;
}

/** Every incident matching `filter` in `sort` order, in one query (for exports of a whole selection). */
export function allIncidentsSorted(db: Db, filter: IncidentListFilter, sort: IncidentSort, now: Date): IncidentRow[] {
  const { key, descending } = parseSort(sort);
  const { where, params } = incidentListConditions(filter, now);
  const direction = descending ? 'DESC' : 'ASC';
  const orderBy = key === 'id' ? `i.id ${direction}` : `${SORT_COLUMNS[key]} ${direction}, i.id ${direction}`;
  return selectIncidents(db, where.length > 0 ? where : ['1'], params, now, -1, orderBy); // LIMIT -1: no limit
}
