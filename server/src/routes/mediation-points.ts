import { MEDIATION_KINDS } from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { listMediationPoints } from '../db/mediation-points-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { GEOJSON_CONTENT_TYPE, pointFeatureCollection } from '../http/feature-collection.ts';
import { bboxParam, commaListParam, cursorParam, limitParam } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

const listQuery = z.object({
  bbox: bboxParam.optional(),
  kind: commaListParam('kind', MEDIATION_KINDS).optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export function mediationPointsRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', validate('query', listQuery), (c) => {
    const q = c.req.valid('query');
    const page = listMediationPoints(db, { bbox: q.bbox, kinds: q.kind }, { limit: q.limit, afterId: q.cursor });
    const collection = pointFeatureCollection(page, c.req.url, ({ lon, lat, ...properties }) => properties);
    return c.body(JSON.stringify(collection), 200, { 'Content-Type': GEOJSON_CONTENT_TYPE });
  });
}
