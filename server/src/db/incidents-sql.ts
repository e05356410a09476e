import { OPEN_STATUSES, type IncidentKind, type IncidentRecord, type IncidentStatus } from '@gridmap/shared';
import type { Bbox } from './bbox-sql.ts';
import { bboxCondition, bboxParams } from './bbox-sql.ts';
import { inSubtree } from './in-subtree.ts';
import type { Db } from './open-db.ts';
import { toPage, type Page, type PageRequest } from './paging.ts';
import { placeholders } from './sql-lists.ts';

export interface IncidentFilter {
  bbox?: Bbox;
  /** Reported at or after this ISO date-time. */
  from?: string;
  /** Reported before this ISO date-time. */
  to?: string;
  kinds?: IncidentKind[];
  statuses?: IncidentStatus[];
  /** Inside this area (any level). */
  areaId?: number;
}

/** An incident as stored, with its version and whether it is open and past its deadline at `now`. */
export type IncidentRow = IncidentRecord & { overdue: boolean; version: number };

/** A page of incidents matching every filter, ordered by id. */
export function listIncidents(db: Db, filter: IncidentFilter, page: PageRequest, now: Date): Page<IncidentRow> {
  const where = ['i.id > ?'];
  const params: unknown[] = [page.afterId ?? 0];
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
  if (filter.areaId !== undefined) {
    where.push(inSubtree('i.grid_id'));
    params.push(filter.areaId);
  }
  return toPage(selectIncidents(db, where, params, now, page.limit + 1), page.limit);
}

/** One incident, or null when there is no such id. */
export function getIncident(db: Db, id: number, now: Date): IncidentRow | null {
  return selectIncidents(db, ['i.id = ?'], [id], now, 1)[0] ?? null;
}

/** Incidents matching every `where` condition, ordered by `orderBy` (SQL over alias `i`), `limit` at most. */
export function selectIncidents(db: Db, where: string[], params: unknown[], now: Date, limit: number, orderBy = 'i.id'): IncidentRow[] {
  const rows = db
    .prepare(`SELECT i.id, i.kind, i.status, i.severity, i.source, i.level, i.origin_level AS originLevel,
        i.description, i.lon, i.lat, i.grid_id AS gridId, i.household_id AS householdId,
        i.mediation_point_id AS mediationPointId, i.assignee, i.referred_to AS referredTo,
        i.reported_at AS reportedAt, i.deadline_at AS deadlineAt, i.resolved_at AS resolvedAt,
        i.closed_at AS closedAt, i.version,
        (i.status IN ${placeholders(OPEN_STATUSES.length)} AND i.deadline_at < ?) AS overdue
      FROM incidents i WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`)
    .all(...OPEN_STATUSES, now.toISOString(), ...params, limit) as (Omit<IncidentRow, 'overdue'> & {
    overdue: number;
  })[];
  return rows.map((r) => ({ ...r, overdue: r.overdue === 1 }));
}
