import { gridStaffRequestSchema } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { currentGridsOfStaff, listGridStaff, setGridStaff } from '../db/staff-sql.ts';
import { getAreaLevel } from '../db/areas-sql.ts';
import { inScope, requirePermission, scopeAreaId } from '../auth/scope.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { idPathParams } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { limitBody, MAX_SMALL_BODY_BYTES } from '../http/body-limit.ts';

/** 404 for an unknown area, 400 when it is not a grid (only grids have staff teams). */
function requireGrid(db: AppDeps['db'], id: number): void {
  const level = getAreaLevel(db, id);
  if (level === null) throw new ApiError('not_found', `No area with id ${id}`, 'id');
  if (level !== 'grid') throw new ApiError('bad_request', `area ${id} is a ${level}; staff are assigned to grids`, 'id');
}

/** `GET|PUT /api/areas/:id/staff`: a grid's team and the unassigned staff. */
export function areaStaffRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:id/staff', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      requireGrid(db, id);
      if (!inScope(db, scopeAreaId(c), id)) throw new ApiError('forbidden', `grid ${id} lies outside your area`, 'id');
      return c.json({ staff: listGridStaff(db, id) });
    })
    .put('/:id/staff', limitBody(MAX_SMALL_BODY_BYTES), validate('param', idPathParams), validate('json', gridStaffRequestSchema), (c) => {
      requirePermission(c, 'plan');
      const { id } = c.req.valid('param');
      requireGrid(db, id);
      const scope = scopeAreaId(c);
      if (!inScope(db, scope, id)) throw new ApiError('forbidden', `grid ${id} lies outside your area`, 'id');
      const { staffIds } = c.req.valid('json');
      // Moving someone takes them off their present grid: that grid must be the account's too.
      const current = new Map(currentGridsOfStaff(db, staffIds).map((s) => [s.id, s.gridId]));
      const foreign = staffIds.findIndex((s) => {
        const from = current.get(s);
        return from != null && !inScope(db, scope, from);
      });
      if (foreign >= 0) {
        throw new ApiError('forbidden', `staff member ${staffIds[foreign]} works in grid ${current.get(staffIds[foreign])}, outside your area`, `staffIds[${foreign}]`);
      }
      return c.json({ staff: setGridStaff(db, id, staffIds) });
    });
}
