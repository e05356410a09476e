import { MEDIATION_KINDS, type MediationPointProperties } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { getMediationPoint, listMediationPoints, type MediationPointRow } from '../db/mediation-points-sql.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse, pointFeature, pointFeatureCollection } from '../http/feature-collection.ts';
import { bboxParam, commaListParam, idPathParams, pagingParams, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

const listQuery = queryObject({
  bbox: bboxParam.optional(),
  kind: commaListParam('kind', MEDIATION_KINDS).optional(),
  ...pagingParams,
});

export function mediationPointsRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const page = listMediationPoints(db, { bbox: q.bbox, kinds: q.kind }, { limit: q.limit, afterId: q.cursor });
      return geojsonResponse(c, pointFeatureCollection(page, c.req.url, mediationPointProperties));
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const point = orNotFound(getMediationPoint(db, id), 'mediation point', id);
      return geojsonResponse(c, pointFeature(point, mediationPointProperties));
    });
}

/**
 * Everything but the position, which is the geometry. The phone is the office's public line,
 * not a person's, so it is not masked.
 */
function mediationPointProperties({ lon, lat, ...properties }: MediationPointRow): MediationPointProperties {
  return properties;
}
