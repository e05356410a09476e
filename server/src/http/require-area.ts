import type { AreaLevel } from '@gridmap/shared';
import { getAreaLevel } from '../db/areas-sql.ts';
import type { Db } from '../db/open-db.ts';
import { ApiError } from '../errors/api-error.ts';

/**
 * Checks a filter that names an area: 400 naming `field` when there is no such area, or when
 * it is not of `level`. A filter by a mistyped id would otherwise answer an empty layer, which
 * a client cannot tell from an area without features.
 */
export function requireArea(db: Db, field: string, id: number | undefined, level?: AreaLevel): void {
  if (id === undefined) return;
  const actual = getAreaLevel(db, id);
  if (actual === null) throw new ApiError('bad_request', `no area with id ${id}`, field);
  if (level !== undefined && actual !== level) {
    throw new ApiError('bad_request', `area ${id} is a ${actual}, not a ${level}`, field);
  }
}
