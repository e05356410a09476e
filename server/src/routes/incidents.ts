import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentProperties } from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { getIncident, listIncidents, type IncidentRow } from '../db/incidents-sql.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse, pointFeature, pointFeatureCollection } from '../http/feature-collection.ts';
import {
  bboxParam,
  commaListParam,
  idParam,
  idPathParams,
  isoDateParam,
  pagingParams,
} from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

const listQuery = z.object({
  bbox: bboxParam.optional(),
  from: isoDateParam('from').optional(),
  to: isoDateParam('to', true).optional(),
  kind: commaListParam('kind', INCIDENT_KINDS).optional(),
  status: commaListParam('status', INCIDENT_STATUSES).optional(),
  areaId: idParam.optional(),
  ...pagingParams,
});

export function incidentsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const page = listIncidents(
        db,
        { bbox: q.bbox, from: q.from, to: q.to, kinds: q.kind, statuses: q.status, areaId: q.areaId },
        { limit: q.limit, afterId: q.cursor },
        config.now(),
      );
      return geojsonResponse(c, pointFeatureCollection(page, c.req.url, incidentProperties));
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const incident = orNotFound(getIncident(db, id, config.now()), 'incident', id);
      return geojsonResponse(c, pointFeature(incident, incidentProperties));
    });
}

/** Everything but the position, which is the geometry. */
function incidentProperties({ lon, lat, ...properties }: IncidentRow): IncidentProperties {
  return properties;
}
