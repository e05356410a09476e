import type { AreaLevel, AreaRecord, MediationKind, MediationPointCreate, MediationPointRecord } from '@gridmap/shared';
import type { Bbox } from './bbox-sql.ts';
import type { Db } from './open-db.ts';
import { toPage, type Page, type PageRequest } from './paging.ts';
import { placeholders } from './sql-lists.ts';

export interface MediationPointFilter {
  bbox?: Bbox;
  kinds?: MediationKind[];
}

/** A mediation point as stored: the record, and when it was closed (null while in service). */
export type MediationPointRow = MediationPointRecord & { closedAt: string | null };

/**
 * A page of the points in service, ordered by id. There are a few hundred at most, so the bbox
 * is a plain comparison on the coordinates rather than an R*Tree.
 */
export function listMediationPoints(db: Db, filter: MediationPointFilter, page: PageRequest): Page<MediationPointRow> {
  const where = ['m.id > ?', 'm.closed_at IS NULL'];
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

/** Every point in service, ordered by id: what the nearest index and coverage are built from. */
export function listOpenMediationPoints(db: Db): MediationPointRow[] {
  return selectMediationPoints(db, ['m.closed_at IS NULL'], [], -1);
}

/** One mediation point, closed or not, or null when there is no such id. */
export function getMediationPoint(db: Db, id: number): MediationPointRow | null {
  return selectMediationPoints(db, ['m.id = ?'], [id], 1)[0] ?? null;
}

/** The fields a write stores; the level is the level of the area the point serves. */
export type MediationPointValues = MediationPointCreate & { level: AreaLevel };

/** Inserts a point in service and returns its id. */
export function insertMediationPoint(db: Db, v: MediationPointValues): number {
  const result = db
    .prepare(`INSERT INTO mediation_points (kind, level, area_id, name, lon, lat, address, hours, dispute_kinds, mediators, phone)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(v.kind, v.level, v.areaId, v.name, v.lon, v.lat, v.address, JSON.stringify(v.hours), JSON.stringify(v.disputeKinds), v.mediators, v.phone);
  return Number(result.lastInsertRowid);
}

/** Writes every field of the point `id` (the caller merged the change into the stored row). */
export function updateMediationPoint(db: Db, id: number, v: MediationPointValues & { closedAt: string | null }): void {
  db.prepare(`UPDATE mediation_points SET kind = ?, level = ?, area_id = ?, name = ?, lon = ?, lat = ?, address = ?,
      hours = ?, dispute_kinds = ?, mediators = ?, phone = ?, closed_at = ? WHERE id = ?`)
    .run(v.kind, v.level, v.areaId, v.name, v.lon, v.lat, v.address, JSON.stringify(v.hours), JSON.stringify(v.disputeKinds), v.mediators, v.phone, v.closedAt, id);
}

/**
 * The outline of the county that holds area `areaId` (itself, when it is a county), which a
 * mediation point of that area must lie in; null for an area above the counties or unknown.
 * A province database holds 89 counties: the point is checked against its own.
 */
export function getCountyOutlineOf(db: Db, areaId: number): AreaRecord['geometry'] | null {
  const text = db
    .prepare(`SELECT a.geometry FROM area_closure c JOIN areas a ON a.id = c.ancestor_id
      WHERE c.descendant_id = ? AND a.level = 'county'`)
    .pluck()
    .get(areaId) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as AreaRecord['geometry']);
}

/** Mediation points matching every `where` condition, ordered by id, `limit` at most (-1: all). */
function selectMediationPoints(db: Db, where: string[], params: unknown[], limit: number): MediationPointRow[] {
  const rows = db
    .prepare(`SELECT m.id, m.kind, m.level, m.area_id AS areaId, m.name, m.lon, m.lat, m.address,
        m.hours, m.dispute_kinds AS disputeKinds, m.mediators, m.phone, m.closed_at AS closedAt
      FROM mediation_points m WHERE ${where.join(' AND ')} ORDER BY m.id LIMIT ?`)
    .all(...params, limit) as (Omit<MediationPointRow, 'hours' | 'disputeKinds'> & {
    hours: string;
    disputeKinds: string;
  })[];
  return rows.map((r) => ({ ...r, hours: JSON.parse(r.hours), disputeKinds: JSON.parse(r.disputeKinds) }));
}
