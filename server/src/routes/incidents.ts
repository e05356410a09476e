import {
  allowedTransitions,
  incidentIntakeSchema,
  levelDurations,
  OPEN_STATUSES,
  transitionRequestSchema,
  type IncidentDetailProperties,
} from '@gridmap/shared';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app.ts';
import { incidentCounters } from '../db/incident-counters-sql.ts';
import { listIncidentEvents } from '../db/incident-events-sql.ts';
import { countIncidents, listIncidentsSorted } from '../db/incident-list-sql.ts';
import { getIncident } from '../db/incidents-sql.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse, pointFeature, pointFeatureCollection } from '../http/feature-collection.ts';
import { decodeSortCursor, encodeSortCursor, incidentListFilter, incidentListQuery } from '../http/incident-list-query.ts';
import { pageLinks } from '../http/page-links.ts';
import { incidentFeature, incidentProperties } from '../incidents/incident-feature.ts';
import { reportIncident, transitionIncident } from '../incidents/incident-writes.ts';
import type { LiveHub } from '../live/live-hub.ts';
import { inScope, requirePermission, scopeAreaId } from '../auth/scope.ts';
import { incidentPartiesFor } from '../privacy/incident-parties.ts';
import { idPathParams, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { limitBody } from '../http/body-limit.ts';

/** Largest body of an incident write, in bytes: a long description and twenty parties fit easily. */
export const MAX_INCIDENT_BODY_BYTES = 64 * 1024;

const writeBodyLimit = limitBody(MAX_INCIDENT_BODY_BYTES);

export function incidentsRoutes({ db, config, live }: AppDeps & { live: LiveHub }) {
  /** The incident, or 404 when there is none or it lies outside the account's area (its existence is private). */
  const scopedIncident = (c: Context<AppEnv>, id: number, now: Date) => {
    const incident = getIncident(db, id, now);
    return orNotFound(incident && inScope(db, scopeAreaId(c), incident.gridId) ? incident : null, 'incident', id);
  };
  return new Hono<AppEnv>()
    .get('/', validate('query', incidentListQuery), (c) => {
      const q = c.req.valid('query');
      const now = config.now();
      const filter = incidentListFilter(db, q, scopeAreaId(c));
      const page = listIncidentsSorted(db, filter, q.sort, decodeSortCursor(q.sort, q.cursor), q.limit, now);
      const nextCursor = page.next && encodeSortCursor(q.sort, page.next);
      return geojsonResponse(c, {
        ...pointFeatureCollection({ items: page.items, nextAfterId: null }, c.req.url, incidentProperties),
        numberMatched: countIncidents(db, filter, now),
        nextCursor,
        links: pageLinks(c.req.url, nextCursor),
      });
    })
    .get('/counters', validate('query', queryObject({})), (c) => c.json(incidentCounters(db, config.now(), scopeAreaId(c))))
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const now = config.now();
      const incident = scopedIncident(c, id, now);
      const timeline = listIncidentEvents(db, id);
      // Time at a level counts until the case leaves the open statuses (resolved or referred on).
      const settled = timeline.find((event) => !OPEN_STATUSES.includes(event.toStatus));
      const end = settled?.at ?? now.toISOString();
      const properties: IncidentDetailProperties = {
        ...incidentProperties(incident),
        parties: incidentPartiesFor(c, db, incident, now),
        timeline,
        allowedTransitions: allowedTransitions(incident),
        levelDurations: levelDurations(timeline, end),
      };
      return geojsonResponse(c, pointFeature(incident, () => properties));
    })
    .post('/', writeBodyLimit, validate('json', incidentIntakeSchema), (c) => {
      requirePermission(c, 'report');
      const change = reportIncident(db, c.req.valid('json'), config.now(), scopeAreaId(c));
      live.publish(change);
      c.header('Location', `/api/incidents/${change.incident.id}`);
      return geojsonResponse(c, incidentFeature(change.incident), 201);
    })
    .post('/:id/transitions', writeBodyLimit, validate('param', idPathParams), validate('json', transitionRequestSchema), (c) => {
      requirePermission(c, 'handle');
      const { id } = c.req.valid('param');
      scopedIncident(c, id, config.now());
      const change = transitionIncident(db, id, c.req.valid('json'), config.now());
      live.publish(change);
      return geojsonResponse(c, incidentFeature(change.incident));
    });
}
