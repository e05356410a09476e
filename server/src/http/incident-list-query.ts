import {
  AREA_LEVELS,
  DEFAULT_INCIDENT_SORT,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  incidentSortSchema,
  type IncidentSort,
} from '@gridmap/shared';
import { z } from 'zod';
import { inScope } from '../auth/scope.ts';
import { isRootArea } from '../db/areas-sql.ts';
import type { Db } from '../db/open-db.ts';
import { parseSort, type IncidentListFilter, type SortCursor } from '../db/incident-list-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import { bboxParam, commaListParam, encodeCursor, idParam, isoDateParam, limitParam, parseId, queryObject } from './query-params.ts';
import { requireArea } from './require-area.ts';

/** `overdue=true|false`. */
const booleanParam = z.enum(['true', 'false']).transform((text) => text === 'true');

/** The filters of the incident list, shared by the list and its exports. */
export const incidentFilterParams = {
  bbox: bboxParam.optional(),
  from: isoDateParam('from').optional(),
  to: isoDateParam('to').optional(),
  kind: commaListParam('kind', INCIDENT_KINDS).optional(),
  status: commaListParam('status', INCIDENT_STATUSES).optional(),
  level: commaListParam('level', AREA_LEVELS).optional(),
  overdue: booleanParam.optional(),
  areaId: idParam.optional(),
  sort: incidentSortSchema.default(DEFAULT_INCIDENT_SORT),
};

type FilterQuery = z.infer<ReturnType<typeof filterObject>>;
const filterObject = () => z.object(incidentFilterParams);

/** Rejects `from` after `to` (compared as written: see GET /api/incidents). */
function checkSpan({ from, to }: { from?: { start: number }; to?: { start: number } }, ctx: z.RefinementCtx) {
  if (from && to && from.start > to.start) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
}

/** The list's query: filters, `sort`, `limit` and a `cursor` that belongs to the sort. */
export const incidentListQuery = queryObject({ ...incidentFilterParams, limit: limitParam, cursor: z.string().optional() }).superRefine(checkSpan);

/** The exports' query: the filters and `sort`, no paging (an export is the whole selection). */
export const incidentExportQuery = queryObject(incidentFilterParams).superRefine(checkSpan);

/** The filter a query names, after checking that its area exists (400 naming areaId). */
export function incidentListFilter(db: Db, q: FilterQuery, scope: number | null): IncidentListFilter {
  requireArea(db, 'areaId', q.areaId);
  if (q.areaId !== undefined && !inScope(db, scope, q.areaId)) throw new ApiError('forbidden', `area ${q.areaId} lies outside your area`, 'areaId');
  // Without an area, the account's. Every incident lies under the root: its filter is no filter,
  // and without it SQLite can walk the sort column's index instead of sorting everything for one page.
  const asked = q.areaId ?? scope ?? undefined;
  const areaId = asked !== undefined && isRootArea(db, asked) ? undefined : asked;
  return {
    bbox: q.bbox,
    from: q.from && new Date(q.from.start).toISOString(),
    to: q.to && new Date(q.to.end).toISOString(),
    kinds: q.kind,
    statuses: q.status,
    levels: q.level,
    overdue: q.overdue,
    areaId,
  };
}

/**
 * The cursor after `next` in `sort`: the id alone for the id order (the encoding this API has
 * given out since issue 2), else base64url of `[sort, value, id]`.
 */
export function encodeSortCursor(sort: IncidentSort, next: SortCursor): string {
  return sort === 'id' ? encodeCursor(next.id) : Buffer.from(JSON.stringify([sort, next.value, next.id]), 'utf8').toString('base64url');
}

/** The cursor `text` as given out for `sort`, or 400 naming cursor (one of another sort included). */
export function decodeSortCursor(sort: IncidentSort, text: string | undefined): SortCursor | undefined {
  if (text === undefined) return undefined;
  const fail = () => new ApiError('bad_request', `cursor '${text}' is not one this API gave out for sort=${sort}`, 'cursor');
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  let cursor: SortCursor | null = null;
  if (sort === 'id') {
    const id = parseId(decoded);
    cursor = id === null ? null : { value: id, id };
  } else {
    try {
      const [s, value, id] = JSON.parse(decoded) as unknown[];
      const { key } = parseSort(sort);
      const numeric = key === 'severity' || key === 'id';
      if (s === sort && typeof id === 'number' && Number.isSafeInteger(id) && typeof value === (numeric ? 'number' : 'string')) {
        cursor = { value: value as string | number, id };
      }
    } catch {
      cursor = null;
    }
  }
  if (cursor === null || encodeSortCursor(sort, cursor) !== text) throw fail();
  return cursor;
}
