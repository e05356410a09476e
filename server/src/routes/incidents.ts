import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentProperties } from '@gridmap/shared';
import { Hono } from 'hono';
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
  queryObject,
} from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { validate } from '../http/validate.ts';

const listQuery = queryObject({
  bbox: bboxParam.optional(),
  from: isoDateParam('from').optional(),
  to: isoDateParam('to').optional(),
  kind: commaListParam('kind', INCIDENT_KINDS).optional(),
  status: commaListParam('status', INCIDENT_STATUSES).optional(),
  areaId: idParam.optional(),
  ...pagingParams,
}).superRefine(({ from, to }, ctx) => {
  // Compared as written: `from=2025-02-01&to=2025-01-31` is backwards, though as spans the
  // end of the 31st meets the start of the 1st.
  if (from && to && from.start > to.start) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
  }
});

export function incidentsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'areaId', q.areaId);
      const page = listIncidents(
        db,
        {
          bbox: q.bbox,
          from: q.from && new Date(q.from.start).toISOString(),
          to: q.to && new Date(q.to.end).toISOString(),
          kinds: q.kind,
          statuses: q.status,
          areaId: q.areaId,
        },
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
