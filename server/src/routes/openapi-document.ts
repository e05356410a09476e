import {
  AREA_LEVELS,
  COUNTY_UTC_OFFSET_MINUTES,
  HOUSEHOLD_POINT_MIN_ZOOM,
  INCIDENT_KINDS,
  INCIDENT_POINT_MIN_ZOOM,
  KEY_GROUP_TAGS,
  INCIDENT_STATUSES,
  MAX_TILE_ZOOM,
  TILE_LAYERS,
  areaCollectionSchema,
  areaDetailSchema,
  clientConfigSchema,
  errorBodySchema,
  healthSchema,
  householdCollectionSchema,
  householdFeatureSchema,
  incidentCollectionSchema,
  incidentCountersSchema,
  sessionSchema,
  signInSchema,
  incidentDetailSchema,
  DUE_SOON_HOURS,
  incidentFeatureSchema,
  incidentIntakeSchema,
  liveIncidentMessageSchema,
  transitionRequestSchema,
  mediationPointCollectionSchema,
  mediationPointFeatureSchema,
} from '@gridmap/shared';
import { z } from 'zod';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../http/query-params.ts';
import { LIVE_REPLAY_MAX_EVENTS, LIVE_REPLAY_WINDOW_MS, LIVE_RETRY_MS } from '../live/live-replay.ts';
import { AREAS_CACHE_CONTROL } from './areas.ts';
import { MAX_INCIDENT_BODY_BYTES } from './incidents.ts';
import { TILE_MAX_AGE_S } from './tiles.ts';
import { MEDIATION_OPENAPI_SCHEMAS, mediationOpenApiPaths } from './mediation-openapi.ts';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, type = 'application/json') => ({ content: { [type]: { schema } } });
const geojson = (name: string) => json(ref(name), 'application/geo+json');
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: ERROR_DESCRIPTIONS[s], ...json(ref('ErrorBody')) }]),
  );
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400:
    'Bad input; `field` names the parameter: malformed, unknown to the route, given more than once, ' +
    'or naming an area that does not exist.',
  404: 'No such resource.',
  409:
    'Refused in the current state: the transition is not allowed from the incident\'s status (the message ' +
    'lists the allowed ones), or `expectedVersion` is stale because someone else changed the incident first.',
  401: 'Not signed in, or the session has ended.',
  403: 'Not allowed: a write with a session but without its X-CSRF-Token, or outside the role or area.',
  413: `The body is over ${MAX_INCIDENT_BODY_BYTES} bytes.`,
  429: 'Too many failed sign-ins: wait as Retry-After says.',
};
const jsonBody = (name: string) => ({ required: true, ...json(ref(name)) });

function query(name: string, description: string, schema: Json = { type: 'string' }) {
  return { name, in: 'query', required: false, description, schema };
}
function path(name: string, description: string, schema: Json = { type: 'string' }) {
  return { name, in: 'path', required: true, description, schema };
}
/** Ids are positive integers in plain decimal (no sign, exponent, 0x or leading zero). */
const ID_SCHEMA = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
const idPath = (what: string) => path('id', `${what} id.`, ID_SCHEMA);
/** A filter by area id; 400 when no area has the id. */
const areaFilter = (name: string, description: string) =>
  query(name, `${description} 400 when no area has this id.`, ID_SCHEMA);
const COUNTY_OFFSET = `UTC+${COUNTY_UTC_OFFSET_MINUTES / 60}`;

/** `GET /api/<layer>/{id}` of a point layer: one Feature shaped like the items of its collection. */
function pointFeaturePath(what: string, schemaName: string) {
  return {
    get: {
      summary: `One ${what.toLowerCase()} as a GeoJSON point, with the properties it has in the collection`,
      parameters: [idPath(what)],
      responses: { '200': { description: 'OK', ...geojson(schemaName) }, ...errors(400, 404) },
    },
  };
}

/** Areas answer with a weak ETag of the data version and must be revalidated (If-None-Match). */
const revalidated = {
  parameters: [
    {
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'An ETag this route gave out; 304 when the data has not changed since.',
      schema: { type: 'string' },
    },
  ],
  headers: {
    ETag: { description: 'Weak; changes whenever the database is written.', schema: { type: 'string' } },
    'Cache-Control': { description: `Always \`${AREAS_CACHE_CONTROL}\`: keep, but revalidate before use.`, schema: { type: 'string' } },
  },
};
const notModifiedResponse = { '304': { description: 'Not modified: If-None-Match matched the ETag.' } };

const bbox = query('bbox', 'minLon,minLat,maxLon,maxLat in degrees (WGS84); min < max.', {
  type: 'string',
  pattern: '^[^,]+,[^,]+,[^,]+,[^,]+$',
  example: '120.1,29.6,120.4,29.8',
});
const paging = [
  query('limit', `Features per page, 1–${MAX_PAGE_LIMIT}, in plain decimal digits.`, {
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
  }),
  query('cursor', 'Opaque cursor from `nextCursor` or the `next` link of the previous page.'),
];
const commaList = (values: readonly string[]) => ({
  type: 'string',
  description: `Comma-separated list of: ${values.join(', ')}.`,
  example: values.slice(0, 2).join(','),
});

function component(schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

/** The OpenAPI 3.1 document of the API; response schemas come from the shared zod contract. */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'GridMap API',
      version: '0.1.0',
      description:
        "The API of GridMap (网格一张图): a county's areas, households, incidents and mediation points. " +
        'Point layers page with `limit` and `cursor` (follow the `next` link); households and incidents ' +
        'also come as vector tiles. Household names and phones are masked, and key-group tags ' +
        `(${KEY_GROUP_TAGS.join(', ')}) are left out of household features and tiles until roles decide ` +
        'who may see them; areas still count key-group households. ' +
        'Every query parameter is checked: one the route does not read, or one given twice, is 400 ' +
        `naming it. Dates are the county's days (Asia/Shanghai, ${COUNTY_OFFSET}).`,
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Health, row counts and the server clock',
          responses: { '200': { description: 'OK', ...json(ref('Health')) } },
        },
      },
      '/api/session': {
        get: {
          summary: 'Who is signed in, with the CSRF token writes must carry; null when nobody is',
          responses: { '200': { description: 'OK', ...json({ oneOf: [ref('Session'), { type: 'null' }] }) } },
        },
        post: {
          summary: 'Sign in: sets an httpOnly, SameSite=Strict session cookie',
          description:
            'Sessions end 12 h after sign-in or 2 h after the last request. After 5 failed attempts for a ' +
            'username from one address, each attempt waits 1 s, 2 s, 4 s … (at most 15 min): 429 with Retry-After. ' +
            'Every write made with a session carries its `csrfToken` in the X-CSRF-Token header (403 without).',
          requestBody: jsonBody('SignIn'),
          responses: { '200': { description: 'Signed in', ...json(ref('Session')) }, ...errors(400, 401, 429) },
        },
        delete: {
          summary: 'Sign out: ends the session and clears the cookie',
          responses: { '204': { description: 'Signed out' }, ...errors(403) },
        },
      },
      '/api/config': {
        get: {
          summary: 'Deployment settings the web app reads',
          responses: {
            '200': {
              description: 'OK',
              ...json(ref('ClientConfig')),
            },
          },
        },
      },
      '/api/areas': {
        get: {
          summary: 'Areas (county, towns, communities, grids) as GeoJSON, all that match',
          parameters: [
            query('level', 'Only areas of this level.', { type: 'string', enum: [...AREA_LEVELS] }),
            areaFilter('parent', 'Only the children of this area id.'),
            { ...bbox, description: 'Only areas whose bounding box intersects this one.' },
            ...revalidated.parameters,
          ],
          responses: {
            '200': { description: 'OK', headers: revalidated.headers, ...geojson('AreaCollection') },
            ...notModifiedResponse,
            ...errors(400),
          },
        },
      },
      '/api/areas/{id}': {
        get: {
          summary: 'One area with the figures of its subtree',
          parameters: [idPath('Area'), ...revalidated.parameters],
          responses: {
            '200': { description: 'OK', headers: revalidated.headers, ...geojson('AreaDetail') },
            ...notModifiedResponse,
            ...errors(400, 404),
          },
        },
      },
      '/api/households': {
        get: {
          summary: 'Households as GeoJSON points, paged by id',
          description: 'Names and phones masked; `tags` holds only migrant and elderly_alone, never a key group.',
          parameters: [
            bbox,
            areaFilter('gridId', 'Only households of this grid; 400 when the area is not a grid.'),
            ...paging,
          ],
          responses: { '200': { description: 'OK', ...geojson('HouseholdCollection') }, ...errors(400) },
        },
      },
      '/api/households/{id}': pointFeaturePath('Household', 'HouseholdFeature'),
      '/api/incidents': {
        get: {
          summary: 'Incidents (disputes and events) as GeoJSON points, paged by id',
          parameters: [
            bbox,
            query(
              'from',
              `Reported at or after: an ISO date, meaning 00:00 of that county day (${COUNTY_OFFSET}), or a ` +
                'date-time with Z or an offset, taken as given. Days that do not exist are 400; so is from after to.',
              { type: 'string', example: '2024-01-01' },
            ),
            query(
              'to',
              `Reported before: a date alone includes that whole county day (until 00:00 ${COUNTY_OFFSET} of the ` +
                'next); a date-time with Z or an offset is the instant it states.',
              { type: 'string', example: '2024-12-31' },
            ),
            query('kind', 'Incident kinds.', commaList(INCIDENT_KINDS)),
            query('status', 'Statuses.', commaList(INCIDENT_STATUSES)),
            areaFilter('areaId', 'Only incidents inside this area (any level).'),
            ...paging,
          ],
          responses: { '200': { description: 'OK', ...geojson('IncidentCollection') }, ...errors(400) },
        },
        post: {
          summary: 'Report a new incident (intake)',
          description:
            'The server finds the grid by point-in-polygon (a location outside the county is 400 naming ' +
            '`location`), sets the handling level (grid for minor cases, community for serious, town for major; ' +
            'medical disputes and petitions start at the town) and the deadline from the per-kind, per-severity ' +
            'table, records the `report` event and sends the incident on `GET /api/live`. `reportedAt` defaults ' +
            'to now and may not lie in the future. Parties are stored and served masked.',
          requestBody: jsonBody('IncidentIntake'),
          responses: { '201': { description: 'Created', ...geojson('IncidentFeature') }, ...errors(400, 413) },
        },
      },
      '/api/incidents/counters': {
        get: {
          summary: "The command centre's live figures: reported today, open, overdue, due soon, open by level",
          description:
            `Counted at the server's time; "today" is the county day (${COUNTY_OFFSET}); due soon means open, not overdue, ` +
            `and due within ${DUE_SOON_HOURS} h. \`lastEventId\` is the newest timeline event the figures include.`,
          responses: { '200': { description: 'OK', ...json(ref('IncidentCounters')) }, ...errors(400) },
        },
      },
      '/api/incidents/{id}': {
        get: {
          summary: 'One incident with its masked parties, its timeline, the transitions allowed next and the time at each level',
          parameters: [idPath('Incident')],
          responses: { '200': { description: 'OK', ...geojson('IncidentDetail') }, ...errors(400, 404) },
        },
      },
      '/api/incidents/{id}/transitions': {
        post: {
          summary: 'One step of the handling cycle: accept, assign, start_mediation, resolve, fail, refer, follow_up, close, escalate',
          description:
            'reported → accepted → assigned (to a mediation point that takes the kind, and a person) → mediating → ' +
            'resolved or failed; failed → referred (court, petition_office, police); resolved or referred → ' +
            'followed_up → closed. `escalate` (with a reason) moves the case one level up at any open status. ' +
            '`expectedVersion` is the version the client saw: when another write came first the answer is 409 and ' +
            'nothing changes. `at` defaults to now and may be neither in the future nor before the last event.',
          parameters: [idPath('Incident')],
          requestBody: jsonBody('TransitionRequest'),
          responses: { '200': { description: 'The incident after the step', ...geojson('IncidentFeature') }, ...errors(400, 404, 409, 413) },
        },
      },
      '/api/live/recent': {
        get: {
          summary: 'The newest timeline events, newest first, each with its incident as it is now',
          description: 'What a live feed shows on opening; then open `GET /api/live?lastEventId=` with the first id here.',
          parameters: [query('limit', 'Events, 1 … 10000; default 100.', { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT })],
          responses: {
            '200': { description: 'OK', ...json({ type: 'array', items: ref('LiveIncidentMessage') }) },
            ...errors(400),
          },
        },
      },
      '/api/live': {
        get: {
          summary: 'Server-sent events: every created or changed incident, as it happens',
          description:
            'Each `incident` message has `id` = the timeline event id and `data` = LiveIncidentMessage (the event and ' +
            'the incident after it). On connecting without Last-Event-ID a `hello` message gives the newest id. A ' +
            'client that reconnects with Last-Event-ID (or `lastEventId` in the query) first gets every event it ' +
            `missed, with the incident as it is now, when the gap lies within the last ${LIVE_REPLAY_WINDOW_MS / 3_600_000} h ` +
            `and holds at most ${LIVE_REPLAY_MAX_EVENTS} events; otherwise a \`reset\` message tells it to reload. ` +
            `\`retry: ${LIVE_RETRY_MS}\`; a comment line every 20 s keeps the connection open.`,
          parameters: [query('lastEventId', 'Replay from after this event id, as Last-Event-ID does.', { type: 'integer', minimum: 0 })],
          responses: {
            '200': { description: 'The event stream', content: { 'text/event-stream': { schema: ref('LiveIncidentMessage') } } },
            ...errors(400),
          },
        },
      },
      ...mediationOpenApiPaths({ query, path, errors, json, geojson, ref, idPath, bbox, paging, commaList }),
      '/api/tiles/{layer}/{z}/{x}/{y}.mvt': {
        get: {
          summary: 'A Mapbox Vector Tile of households or incidents',
          description:
            `One layer named like \`layer\`. At and above the layer point zoom (households ${HOUSEHOLD_POINT_MIN_ZOOM}, ` +
            `incidents ${INCIDENT_POINT_MIN_ZOOM}) each feature is one point: households carry id, size, migrant (0/1) ` +
            'and no key-group flag (sensitive until roles land); incidents carry id, kind, status, severity, ' +
            `overdue (0/1), reportedDay (YYYY-MM-DD, the county day at ${COUNTY_OFFSET}). Below it, or when a tile would ` +
            'hold too many points, features are 8-pixel bins at their mean point with `count` (incidents also ' +
            `\`open\`). Sent gzip-encoded with an ETag; Cache-Control max-age=${TILE_MAX_AGE_S}.`,
          parameters: [
            path('layer', 'Tile layer.', { type: 'string', enum: [...TILE_LAYERS] }),
            path('z', 'Zoom.', { type: 'integer', minimum: 0, maximum: MAX_TILE_ZOOM }),
            path('x', 'Column, 0 … 2^z − 1.', { type: 'integer', minimum: 0 }),
            path('y', 'Row, 0 … 2^z − 1.', { type: 'integer', minimum: 0 }),
          ],
          responses: {
            '200': {
              description: 'The tile',
              content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } },
            },
            '204': { description: 'The tile has no features.' },
            '304': { description: 'Not modified (If-None-Match matched the ETag).' },
            ...errors(400),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          responses: { '200': { description: 'OK', ...json({ type: 'object' }) } },
        },
      },
    },
    components: {
      schemas: {
        Health: component(healthSchema),
        ClientConfig: component(clientConfigSchema),
        AreaCollection: component(areaCollectionSchema),
        AreaDetail: component(areaDetailSchema),
        HouseholdCollection: component(householdCollectionSchema),
        HouseholdFeature: component(householdFeatureSchema),
        IncidentCollection: component(incidentCollectionSchema),
        IncidentFeature: component(incidentFeatureSchema),
        IncidentDetail: component(incidentDetailSchema),
        IncidentCounters: component(incidentCountersSchema),
        SignIn: component(signInSchema, 'input'),
        Session: component(sessionSchema),
        IncidentIntake: component(incidentIntakeSchema, 'input'),
        TransitionRequest: component(transitionRequestSchema, 'input'),
        LiveIncidentMessage: component(liveIncidentMessageSchema),
        MediationPointCollection: component(mediationPointCollectionSchema),
        MediationPointFeature: component(mediationPointFeatureSchema),
        ErrorBody: component(errorBodySchema),
        ...Object.fromEntries(Object.entries(MEDIATION_OPENAPI_SCHEMAS).map(([name, [schema, io]]) => [name, component(schema, io)])),
      },
    },
  };
}
