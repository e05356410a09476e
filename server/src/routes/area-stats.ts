import { figureSchema, statsPeriod } from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { getStatsArea } from '../db/stats-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { inScope, requireInScope, scopeAreaId } from '../auth/scope.ts';
import { idPathParams, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { areaStats, childrenStats } from '../stats/area-stats.ts';
import { incidentStatsReady } from '../stats/incident-stats-store.ts';

/** A county day, YYYY-MM-DD: figures count whole days. */
const countyDayParam = (name: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${name} must be a county day, YYYY-MM-DD` });

const periodParams = { from: countyDayParam('from').optional(), to: countyDayParam('to').optional() };

/** The period of the query, or 400 naming `from` or `to`. */
function periodOf(q: { from?: string; to?: string }, now: Date) {
  try {
    return statsPeriod(q.from, q.to, now);
  } catch (err) {
    const message = (err as Error).message;
    throw new ApiError('bad_request', message, q.to !== undefined && message.includes(`'${q.to}'`) ? 'to' : 'from');
  }
}

/** `GET /api/areas/:id/stats` and `GET /api/areas/:id/children/stats`: the figures of issue 7. */
export function areaStatsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:id/stats', validate('param', idPathParams), validate('query', queryObject(periodParams)), async (c) => {
      const { id } = c.req.valid('param');
      const now = config.now();
      const period = periodOf(c.req.valid('query'), now);
      const area = orNotFound(getStatsArea(db, id), 'area', id);
      requireInScope(c, db, id, 'id');
      await incidentStatsReady(db); // a province's first figures read millions of incidents in turns
      const stats = areaStats(db, area, period, now);
      // Siblings outside the account's area (the other towns, for a town's centre) are not its to see.
      const scope = scopeAreaId(c);
      return c.json(scope === null ? stats : { ...stats, siblings: stats.siblings.filter((s) => inScope(db, scope, s.id)) });
    })
    .get(
      '/:id/children/stats',
      validate('param', idPathParams),
      validate('query', queryObject({ figure: figureSchema.default('reported'), ...periodParams })),
      async (c) => {
        const { id } = c.req.valid('param');
        const q = c.req.valid('query');
        const now = config.now();
        const period = periodOf(q, now);
        const area = orNotFound(getStatsArea(db, id), 'area', id);
        requireInScope(c, db, id, 'id');
        await incidentStatsReady(db);
        return c.json(childrenStats(db, area, q.figure, period, now));
      },
    );
}
