import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { getHousehold, listHouseholds } from '../db/households-sql.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse, pointFeature, pointFeatureCollection } from '../http/feature-collection.ts';
import { bboxParam, idParam, idPathParams, pagingParams, queryObject } from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { validate } from '../http/validate.ts';
import { publicHousehold } from '../privacy/public-household.ts';

const listQuery = queryObject({
  bbox: bboxParam.optional(),
  gridId: idParam.optional(),
  ...pagingParams,
});

export function householdsRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'gridId', q.gridId, 'grid');
      const page = listHouseholds(db, { bbox: q.bbox, gridId: q.gridId }, { limit: q.limit, afterId: q.cursor });
      return geojsonResponse(c, pointFeatureCollection(page, c.req.url, publicHousehold));
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const household = orNotFound(getHousehold(db, id), 'household', id);
      return geojsonResponse(c, pointFeature(household, publicHousehold));
    });
}
