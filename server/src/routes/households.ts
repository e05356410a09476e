import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { getHousehold, listHouseholds } from '../db/households-sql.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse, pointFeature, pointFeatureCollection } from '../http/feature-collection.ts';
import { bboxParam, idParam, idPathParams, pagingParams, queryObject } from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { validate } from '../http/validate.ts';
import { householdViewer } from '../privacy/household-view.ts';
import { inScope, scopeAreaId, scopedAreaFilter } from '../auth/scope.ts';

const listQuery = queryObject({
  bbox: bboxParam.optional(),
  gridId: idParam.optional(),
  ...pagingParams,
});

export function householdsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'gridId', q.gridId, 'grid');
      const within = scopedAreaFilter(c, db, 'gridId', q.gridId) ?? undefined;
      const page = listHouseholds(db, { bbox: q.bbox, gridId: q.gridId, within }, { limit: q.limit, afterId: q.cursor });
      const viewer = householdViewer(c, db, config.now());
      viewer.audit(page.items);
      return geojsonResponse(c, pointFeatureCollection(page, c.req.url, viewer.view));
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const found = getHousehold(db, id);
      // Outside the account's area a household is as good as absent: its existence is private.
      const household = orNotFound(found && inScope(db, scopeAreaId(c), found.gridId) ? found : null, 'household', id);
      const viewer = householdViewer(c, db, config.now());
      viewer.audit([household]);
      return geojsonResponse(c, pointFeature(household, viewer.view));
    });
}
