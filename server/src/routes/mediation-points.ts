import {
  AREA_LEVELS,
  DEFAULT_NEAREST_K,
  INCIDENT_KINDS,
  MAX_NEAREST_K,
  MEDIATION_KINDS,
  mediationPointCreateSchema,
  mediationPointPatchSchema,
  type MediationPointProperties,
} from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { getMediationPoint, listMediationPoints, type MediationPointRow } from '../db/mediation-points-sql.ts';
import { requirePermission } from '../auth/scope.ts';
import { limitBody, MAX_RECORD_BODY_BYTES } from '../http/body-limit.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse, pointFeature, pointFeatureCollection } from '../http/feature-collection.ts';
import { decimalParam, instantParam, integerParam } from '../http/number-params.ts';
import { bboxParam, commaListParam, idPathParams, pagingParams, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import type { MediationIndexHolder } from '../mediation/mediation-index-holder.ts';
import { createMediationPoint, patchMediationPoint } from '../mediation/mediation-point-writes.ts';
import { nearestCollection } from '../mediation/nearest-collection.ts';

const listQuery = queryObject({
  bbox: bboxParam.optional(),
  kind: commaListParam('kind', MEDIATION_KINDS).optional(),
  ...pagingParams,
});

/** `k`, `openAt` and `level`: the filters both nearest routes read. */
export const nearestFilterParams = {
  k: integerParam('k', 1, MAX_NEAREST_K).default(DEFAULT_NEAREST_K),
  openAt: instantParam('openAt').optional(),
  level: z.enum(AREA_LEVELS).optional(),
};

const nearestQuery = queryObject({
  lon: decimalParam('lon', -180, 180),
  lat: decimalParam('lat', -90, 90),
  disputeKind: z.enum(INCIDENT_KINDS).optional(),
  ...nearestFilterParams,
});

export function mediationPointsRoutes({ db, config, mediation }: AppDeps & { mediation: MediationIndexHolder }) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const page = listMediationPoints(db, { bbox: q.bbox, kinds: q.kind }, { limit: q.limit, afterId: q.cursor });
      return geojsonResponse(c, pointFeatureCollection(page, c.req.url, mediationPointProperties));
    })
    .get('/nearest', validate('query', nearestQuery), (c) => {
      const q = c.req.valid('query');
      return geojsonResponse(c, nearestCollection(mediation.nearest(q), q, null));
    })
    .post('/', limitBody(MAX_RECORD_BODY_BYTES), validate('json', mediationPointCreateSchema), (c) => {
      requirePermission(c, 'manage_points');
      const point = createMediationPoint(db, c.req.valid('json'));
      c.header('Location', `/api/mediation-points/${point.id}`);
      c.status(201);
      return c.body(JSON.stringify(pointFeature(point, mediationPointProperties)), 201, { 'Content-Type': 'application/geo+json; charset=utf-8' });
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const point = orNotFound(getMediationPoint(db, id), 'mediation point', id);
      return geojsonResponse(c, pointFeature(point, mediationPointProperties));
    })
    .patch('/:id', limitBody(MAX_RECORD_BODY_BYTES), validate('param', idPathParams), validate('json', mediationPointPatchSchema), (c) => {
      requirePermission(c, 'manage_points');
      const { id } = c.req.valid('param');
      const point = patchMediationPoint(db, id, c.req.valid('json'), config.now());
      return geojsonResponse(c, pointFeature(point, mediationPointProperties));
    });
}

/**
 * Everything but the position, which is the geometry. The phone is the office's public line,
 * not a person's, so it is not masked.
 */
export function mediationPointProperties({ lon, lat, ...properties }: MediationPointRow): MediationPointProperties {
  return properties;
}
