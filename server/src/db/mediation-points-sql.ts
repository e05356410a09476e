import type { MediationKind, MediationPointRecord } from '@gridmap/shared';
import type { Bbox } from './bbox-sql.ts';
import type { Db } from './open-db.ts';
import { toPage, type Page, type PageRequest } from './paging.ts';
import { placeholders } from './sql-lists.ts';

export interface MediationPointFilter {
  bbox?: Bbox;
  kinds?: MediationKind[];
}

/** A mediation point as stored. */
export type MediationPointRow = MediationPointRecord;

/**
 * A page of mediation points, ordered by id. There are a few hundred at most, so the bbox is a
 * plain comparison on the coordinates rather than an R*Tree.
 */
export function listMediationPoints(db: Db, filter: MediationPointFilter, page: PageRequest): Page<MediationPointRow> {
  const where = ['m.id > ?'];
  const params: unknown[] = [page.afterId ?? 0];
  if (filter.bbox !== undefined) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    where.push('m.lon BETWEEN ? AND ? AND m.lat BETWEEN ? AND ?');
    params.push(minLon, maxLon, minLat, maxLat);
  }
  if (filter.kinds !== undefined) {
    where.push(`m.kind IN ${placeholders(filter.kinds.length)}`);
    params.push(...filter.kinds);
  }
  return toPage(selectMediationPoints(db, where, params, page.limit + 1), page.limit);
}

/** One mediation point, or null when there is no such id. */
export function getMediationPoint(db: Db, id: number): MediationPointRow | null {
  return selectMediationPoints(db, ['m.id = ?'], [id], 1)[0] ?? null;
}

/** Mediation points matching every `where` condition, ordered by id, `limit` at most. */
function selectMediationPoints(db: Db, where: string[], params: unknown[], limit: number): MediationPointRow[] {
  const rows = db
    .prepare(`SELECT m.id, m.kind, m.level, m.area_id AS areaId, m.name, m.lon, m.lat, m.address,
        m.hours, m.dispute_kinds AS disputeKinds, m.mediators, m.phone
      FROM mediation_points m WHERE ${where.join(' AND ')} ORDER BY m.id LIMIT ?`)
    .all(...params, limit) as (Omit<MediationPointRow, 'hours' | 'disputeKinds'> & {
    hours: string;
    disputeKinds: string;
  })[];
  return rows.map((r) => ({ ...r, hours: JSON.parse(r.hours), disputeKinds: JSON.parse(r.disputeKinds) }));
}
