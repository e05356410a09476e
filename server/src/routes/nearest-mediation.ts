import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { getIncident } from '../db/incidents-sql.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { inScope, scopeAreaId } from '../auth/scope.ts';
import { geojsonResponse } from '../http/feature-collection.ts';
import { idPathParams, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import type { MediationIndexHolder } from '../mediation/mediation-index-holder.ts';
import { nearestCollection } from '../mediation/nearest-collection.ts';
import { nearestFilterParams } from './mediation-points.ts';

const query = queryObject(nearestFilterParams);

/**
 * `GET /api/incidents/:id/nearest-mediation`: the nearest points that take the incident's kind
 * of dispute, from where it happened. Mounted under /api/incidents beside the incident routes.
 */
export function nearestMediationRoutes({ db, config, mediation }: AppDeps & { mediation: MediationIndexHolder }) {
  return new Hono<AppEnv>().get('/:id/nearest-mediation', validate('param', idPathParams), validate('query', query), (c) => {
    const { id } = c.req.valid('param');
    const found = getIncident(db, id, config.now());
    // Like GET /api/incidents/:id: outside the account's area the incident does not exist for it.
    const incident = orNotFound(found && inScope(db, scopeAreaId(c), found.gridId) ? found : null, 'incident', id);
    const q = { ...c.req.valid('query'), lon: incident.lon, lat: incident.lat, disputeKind: incident.kind };
    return geojsonResponse(c, nearestCollection(mediation.nearest(q), q, id));
  });
}
