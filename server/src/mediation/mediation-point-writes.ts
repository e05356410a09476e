import { AREA_LEVELS, type AreaLevel, type MediationPointCreate, type MediationPointPatch } from '@gridmap/shared';
import { pointInPolygon } from '@gridmap/shared/geo/point-in-ring';
import { getAreaLevel } from '../db/areas-sql.ts';
import {
  getCountyOutlineOf,
  getMediationPoint,
  insertMediationPoint,
  updateMediationPoint,
  type MediationPointRow,
} from '../db/mediation-points-sql.ts';
import type { Db } from '../db/open-db.ts';
import { ApiError } from '../errors/api-error.ts';
import { orNotFound } from '../errors/or-not-found.ts';

/**
 * Adds a mediation point in one transaction: its area must exist (the point takes that area's
 * level) and its position must lie inside the county. Returns the stored row.
 */
export function createMediationPoint(db: Db, body: MediationPointCreate): MediationPointRow {
  return db.transaction(() => {
    const level = levelOfArea(db, body.areaId);
    requireInsideCounty(db, body.areaId, body.lon, body.lat);
    const id = insertMediationPoint(db, { ...body, level });
    return getMediationPoint(db, id) as MediationPointRow;
  })();
}

/**
 * Changes, moves, closes (`closed: true`, stamped `now`) or reopens a point in one transaction,
 * checked as a new one is; 404 for an unknown id. Nothing is written when a check fails.
 */
export function patchMediationPoint(db: Db, id: number, patch: MediationPointPatch, now: Date): MediationPointRow {
  return db.transaction(() => {
    const current = orNotFound(getMediationPoint(db, id), 'mediation point', id);
    const { closed, ...fields } = patch;
    const next = { ...current, ...fields };
    const level = patch.areaId === undefined ? current.level : levelOfArea(db, patch.areaId);
    if (patch.lon !== undefined || patch.lat !== undefined || patch.areaId !== undefined) requireInsideCounty(db, next.areaId, next.lon, next.lat);
    const closedAt = closed === undefined ? current.closedAt : closed ? (current.closedAt ?? now.toISOString()) : null;
    updateMediationPoint(db, id, { ...next, level, closedAt });
    return getMediationPoint(db, id) as MediationPointRow;
  })();
}

function levelOfArea(db: Db, areaId: number): AreaLevel {
  const level = getAreaLevel(db, areaId);
  if (level === null) throw new ApiError('bad_request', `no area with id ${areaId}`, 'areaId');
  // A province database has a province and cities above the counties; points serve a county or below.
  if (!(AREA_LEVELS as readonly string[]).includes(level)) {
    throw new ApiError('bad_request', `a mediation point belongs to a county, town or community, not a ${level}`, 'areaId');
  }
  return level as AreaLevel;
}

/** 400 naming `lon` when [lon, lat] lies outside the county of area `areaId`: a point there cannot serve it. */
function requireInsideCounty(db: Db, areaId: number, lon: number, lat: number): void {
  const outline = getCountyOutlineOf(db, areaId);
  if (outline !== null && !pointInPolygon(lon, lat, outline)) {
    throw new ApiError('bad_request', `(${lon}, ${lat}) lies outside the county of area ${areaId}`, 'lon');
  }
}
