import {
  planApplyRequestSchema,
  planDraftRequestSchema,
  planPreviewRequestSchema,
  planRestoreRequestSchema,
  type PlanImpact,
} from '@gridmap/shared';
import { planImpact } from '@gridmap/shared/plans/plan-impact';
import { Hono, type Context } from 'hono';
import { inScope, requirePermission, scopeAreaId } from '../auth/scope.ts';
import type { AppDeps } from '../app.ts';
import { applyPlan } from '../db/apply-plan-sql.ts';
import type { TileService } from '../tiles/tile-service.ts';
import { gridsAsOf } from '../db/grid-versions-sql.ts';
import { communityPoints, getPlan, getPlannerCommunity, insertPlan, listPlans, staffRolesByGrid } from '../db/plans-sql.ts';
import type { Db } from '../db/open-db.ts';
import { ApiError } from '../errors/api-error.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { idParam, idPathParams, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { limitBody, MAX_SMALL_BODY_BYTES } from '../http/body-limit.ts';

/** Largest plan body in bytes: a community's grids with a few thousand vertices each. */
export const MAX_PLAN_BODY_BYTES = 8 * 1024 * 1024;

const planBodyLimit = limitBody(MAX_PLAN_BODY_BYTES);
/** Applying or restoring names a plan or an instant: a small body. */
const smallBodyLimit = limitBody(MAX_SMALL_BODY_BYTES);

/**
 * The community a planner edits: 400 naming `field` when `id` is not a community, 403 when it
 * lies outside the signed-in account's area.
 */
function requireCommunity(c: Context<AppEnv>, db: Db, id: number, field: string) {
  const community = getPlannerCommunity(db, id);
  if (!community) throw new ApiError('bad_request', `no community with id ${id}`, field);
  if (!inScope(db, scopeAreaId(c), id)) throw new ApiError('forbidden', `community ${id} lies outside your area`, field);
  return community;
}

/** Who wrote it: the signed-in account's name, else the name the client gives. */
function authorOf(c: Context<AppEnv>, given: string): string {
  return c.get('session')?.account.displayName ?? given;
}

function impactOf(c: Context<AppEnv>, db: Db, communityId: number, grids: Parameters<typeof planImpact>[3], base: Parameters<typeof planImpact>[4]): PlanImpact {
  const community = requireCommunity(c, db, communityId, 'communityId');
  return planImpact(community, communityPoints(db, communityId), staffRolesByGrid(db, communityId), grids, base);
}

export function plansRoutes({ db, config, tiles }: AppDeps & { tiles: TileService }) {
  return new Hono<AppEnv>()
    .get('/', validate('query', queryObject({ community: idParam })), (c) => {
      const { community } = c.req.valid('query');
      requireCommunity(c, db, community, 'community');
      return c.json({ plans: listPlans(db, community) });
    })
    .get('/community/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const community = orNotFound(getPlannerCommunity(db, id), 'community', id);
      requireCommunity(c, db, id, 'id');
      const { code: _code, ...body } = community;
      return c.json(body);
    })
    .post('/preview', planBodyLimit, validate('json', planPreviewRequestSchema), (c) => {
      const { communityId, grids } = c.req.valid('json');
      return c.json(impactOf(c, db, communityId, grids, null));
    })
    .post('/restore', smallBodyLimit, validate('json', planRestoreRequestSchema), (c) => {
      requirePermission(c, 'plan');
      const body = c.req.valid('json');
      const community = requireCommunity(c, db, body.communityId, 'communityId');
      const then = gridsAsOf(db, body.communityId, new Date(body.asOf).toISOString());
      const now = new Set(community.grids.map((g) => g.id));
      // A grid merged away since comes back as a new grid (ids are never reused).
      let fresh = 0;
      const grids = then.map((g) => ({ id: now.has(g.id) ? g.id : --fresh, name: g.name, geometry: JSON.parse(g.geometryJson) }));
      const base = community.grids.map((g) => ({ id: g.id, version: g.version }));
      const plan = insertPlan(db, { communityId: body.communityId, author: authorOf(c, body.author), reason: body.reason, base, grids }, config.now().toISOString());
      return c.json(plan, 201);
    })
    .post('/', planBodyLimit, validate('json', planDraftRequestSchema), (c) => {
      requirePermission(c, 'plan');
      const draft = c.req.valid('json');
      requireCommunity(c, db, draft.communityId, 'communityId');
      return c.json(insertPlan(db, { ...draft, author: authorOf(c, draft.author) }, config.now().toISOString()), 201);
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const plan = orNotFound(getPlan(db, id), 'plan', id);
      requireCommunity(c, db, plan.communityId, 'id');
      return c.json(plan);
    })
    .get('/:id/impact', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const plan = orNotFound(getPlan(db, id), 'plan', id);
      return c.json(impactOf(c, db, plan.communityId, plan.grids, plan.status === 'draft' ? plan.base : null));
    })
    .post('/:id/apply', smallBodyLimit, validate('param', idPathParams), validate('json', planApplyRequestSchema), (c) => {
      requirePermission(c, 'plan');
      const { id } = c.req.valid('param');
      const plan = orNotFound(getPlan(db, id), 'plan', id);
      requireCommunity(c, db, plan.communityId, 'id');
      const author = authorOf(c, c.req.valid('json').author);
      const applied = orNotFound(applyPlan(db, id, author, config.now().toISOString()), 'plan', id);
      // Households and incidents may have changed grid: the scoped tiles filter by grid.
      tiles.markHouseholdsStale();
      tiles.markIncidentsStale();
      return c.json(applied);
    });
}
