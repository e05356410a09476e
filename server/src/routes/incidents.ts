import { INCIDENT_KINDS, INCIDENT_STATUSES } from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { listIncidents } from '../db/incidents-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { GEOJSON_CONTENT_TYPE, pointFeatureCollection } from '../http/feature-collection.ts';
import { bboxParam, commaListParam, cursorParam, idParam, isoDateParam, limitParam } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

const listQuery = z.object({
  bbox: bboxParam.optional(),
  from: isoDateParam('from').optional(),
  to: isoDateParam('to', true).optional(),
  kind: commaListParam('kind', INCIDENT_KINDS).optional(),
  status: commaListParam('status', INCIDENT_STATUSES).optional(),
  areaId: idParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export function incidentsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>().get('/', validate('query', listQuery), (c) => {
    const q = c.req.valid('query');
    const page = listIncidents(
      db,
      { bbox: q.bbox, from: q.from, to: q.to, kinds: q.kind, statuses: q.status, areaId: q.areaId },
      { limit: q.limit, afterId: q.cursor },
      config.now(),
    );
    const collection = pointFeatureCollection(page, c.req.url, ({ lon, lat, ...properties }) => properties);
    return c.body(JSON.stringify(collection), 200, { 'Content-Type': GEOJSON_CONTENT_TYPE });
  });
}
