import {
  gridStaffRequestSchema,
  gridsAsOfSchema,
  gridVersionSchema,
  planApplyRequestSchema,
  planApplyResultSchema,
  planDraftRequestSchema,
  planImpactSchema,
  plannerCommunitySchema,
  planPreviewRequestSchema,
  planRestoreRequestSchema,
  planSchema,
  staffMemberSchema,
  AREA_LEVELS,
  AREA_TILE_MIN_ZOOM,
  AREA_TREE_LEVELS,
  MAX_FEATURES_PER_TILE,
  COUNTY_UTC_OFFSET_MINUTES,
  HOUSEHOLD_POINT_MIN_ZOOM,
  INCIDENT_KINDS,
  INCIDENT_POINT_MIN_ZOOM,
  KEY_GROUP_TAGS,
  INCIDENT_STATUSES,
  MAX_TILE_ZOOM,
  MEDIATION_KINDS,
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
  // Issue 7
  DEFAULT_INCIDENT_SORT,
  DEFAULT_STATS_PERIOD_DAYS,
  FIGURE_DEFINITIONS,
  FIGURES,
  INCIDENT_SORTS,
  SAFETY_REFERENCE_RATE,
  SAFETY_WEIGHTS,
  areaStatsSchema,
  childrenStatsSchema,
  incidentListSchema,
  EXPORT_FORMATS,
  IMPORT_LAYERS,
  importMappingSchema,
  importPreviewSchema,
  importReportSchema,
  importResultSchema,
  savedMappingSchema,
  HOTSPOT_UNITS,
  WARNING_TYPES,
  heatCollectionSchema,
  hotspotCollectionSchema,
  warningListSchema,
} from '@gridmap/shared';
import { HEX_K_RING, MAX_HEX_RESOLUTION, MIN_HEX_RESOLUTION } from '@gridmap/shared/hotspots/hex-study-area';
import * as W from '@gridmap/shared/hotspots/warning-thresholds';
import { DEFAULT_HEX_RESOLUTION } from './hotspots.ts';
import { z } from 'zod';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../http/query-params.ts';
import { LIVE_REPLAY_MAX_EVENTS, LIVE_REPLAY_WINDOW_MS, LIVE_RETRY_MS } from '../live/live-replay.ts';
import { AREAS_CACHE_CONTROL } from './areas.ts';
import { MAX_EXPORT_ROWS } from './exports.ts';
import { MAX_IMPORT_BYTES } from '@gridmap/shared/import/read-source';
import { MAX_INCIDENT_BODY_BYTES } from './incidents.ts';
import { MAX_PLAN_BODY_BYTES } from './plans.ts';
import { MAX_RECORD_BODY_BYTES, MAX_SMALL_BODY_BYTES } from '../http/body-limit.ts';
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
    'lists the allowed ones), or `expectedVersion` is stale because someone else changed the incident first; ' +
    'an import that cannot be applied (rejected rows not skipped, or areas that would not tile their parents), with nothing written.',
  401: 'Not signed in, or the session has ended.',
  403: 'Not allowed: a write with a session but without its X-CSRF-Token, or outside the role or area.',
  413: `The body is over the route's limit: ${MAX_SMALL_BODY_BYTES} bytes for sign-in, staff lists and applying or restoring a plan, ${MAX_RECORD_BODY_BYTES} for mediation points and saved mappings, ${MAX_INCIDENT_BODY_BYTES} for incident writes, ${MAX_PLAN_BODY_BYTES} for plans, ${MAX_IMPORT_BYTES} bytes of file for imports.`,
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

// Issue 7: the incident table's filters and sort, the exports' parameters, the figures' period.
const incidentTableFilters = [
  query('level', 'Levels handling the incident now.', commaList(AREA_LEVELS)),
  query('overdue', 'true: open and past the deadline now; false: not so.', { type: 'string', enum: ['true', 'false'] }),
];
const incidentSort = query(
  'sort',
  'Order: a key ascending, or -key descending; ties break by id. A cursor belongs to its sort (another sort\'s is 400).',
  { type: 'string', enum: [...INCIDENT_SORTS], default: DEFAULT_INCIDENT_SORT },
);
function exportParameters() {
  return [
    bbox,
    query('from', 'As for GET /api/incidents.', { type: 'string', example: '2024-01-01' }),
    query('to', 'As for GET /api/incidents.', { type: 'string', example: '2024-12-31' }),
    query('kind', 'Incident kinds.', commaList(INCIDENT_KINDS)),
    query('status', 'Statuses.', commaList(INCIDENT_STATUSES)),
    ...incidentTableFilters,
    areaFilter('areaId', 'Only incidents inside this area (any level).'),
    incidentSort,
  ];
}
const statsPeriodParams = [
  query('from', `First county day of the period (YYYY-MM-DD); default: ${DEFAULT_STATS_PERIOD_DAYS} days up to \`to\`.`, { type: 'string', example: '2025-01-01' }),
  query('to', 'Last county day of the period, included (YYYY-MM-DD); default: today in the county.', { type: 'string', example: '2025-12-31' }),
];
const statsDescription =
  'Every figure counts the incidents reported in the period, in the state they are in now. ' +
  Object.entries(FIGURE_DEFINITIONS).map(([figure, d]) => `\`${figure}\`: ${d.definition}${d.additive ? ' (additive)' : ''}.`).join(' ') +
  ` The safety index: 100 × (${SAFETY_WEIGHTS.load} × load + ${SAFETY_WEIGHTS.success} × success rate + ${SAFETY_WEIGHTS.local} × 矛盾不上交率 + ${SAFETY_WEIGHTS.onTime} × (1 − overdue/reported)), ` +
  `load = 1 / (1 + r / ${SAFETY_REFERENCE_RATE}), r = severity-weighted incidents per 1,000 households per year.`;

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
        'also come as vector tiles. Every route but /api/session and /api/health needs a signed-in session, ' +
        "and answers only inside the account's area. Household names, phones and key-group tags " +
        `(${KEY_GROUP_TAGS.join(', ')}) are shown in full only to roles that need them (each view audited); ` +
        'others get names and phones masked and no key-group tags; tiles never carry them. ' +
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
          responses: { '200': { description: 'Signed in', ...json(ref('Session')) }, ...errors(400, 401, 413, 429) },
        },
        delete: {
          summary: 'Sign out: ends the session and clears the cookie',
          responses: { '204': { description: 'Signed out' }, ...errors(403, 413) },
        },
      },
      '/api/audit': {
        get: {
          summary: 'The newest lines of the audit log (who, what, when, from where); administrators only',
          description: 'Sign-ins (and failed ones), sign-outs and views of personal data, newest first. 401 without a session, 403 for any other role.',
          parameters: [
            query('limit', 'Lines, 1 … 10000; default 200.', { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT }),
            query('before', 'Only lines older than this id: the next page starts before the last id of the page before.', { type: 'integer', minimum: 1 }),
            query('account', 'Only lines of this username (any case).'),
            query('action', "Only lines of this action: sign_in, sign_in_failed, sign_out, view_personal, write …"),
            query('from', 'From this county day (YYYY-MM-DD, UTC+8) or instant.'),
            query('to', 'To the end of this county day, or this instant.'),
          ],
          responses: { '200': { description: 'OK, newest first', ...json({ type: 'array', items: { type: 'object' } }) }, ...errors(400, 401, 403) },
        },
      },
      '/api/audit/actions': {
        get: {
          summary: 'The actions the audit log holds (for the audit page\'s filter); administrators only',
          responses: { '200': { description: 'OK', ...json({ type: 'array', items: { type: 'string' } }) }, ...errors(401, 403) },
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
      // Issue 7: the figures of an area (definitions in shared/src/figures).
      '/api/areas/{id}/stats': {
        get: {
          summary: "An area's figures over a period, with the previous period, its siblings, months and breakdowns",
          description: statsDescription,
          parameters: [idPath('Area'), ...statsPeriodParams],
          responses: { '200': { description: 'OK', ...json(ref('AreaStats')) }, ...errors(400, 404) },
        },
      },
      '/api/areas/{id}/children/stats': {
        get: {
          summary: "Every child's figures over a period and the chosen figure's value, for a choropleth",
          parameters: [
            idPath('Area'),
            query('figure', 'The figure each child\'s `value` is.', { type: 'string', enum: [...FIGURES], default: 'reported' }),
            ...statsPeriodParams,
          ],
          responses: { '200': { description: 'OK', ...json(ref('ChildrenStats')) }, ...errors(400, 404) },
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
          summary: 'Incidents (disputes and events) as GeoJSON points, sorted and paged with a keyset cursor per sort',
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
            ...incidentTableFilters,
            areaFilter('areaId', 'Only incidents inside this area (any level).'),
            incidentSort,
            ...paging,
          ],
          responses: { '200': { description: 'OK', ...geojson('IncidentList') }, ...errors(400) },
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
      // Issue 7: exports of the incident list's selection.
      '/api/exports/incidents.csv': {
        get: {
          summary: 'The selection of the incident list as CSV (UTF-8 with BOM, CRLF), whole, sorted as asked',
          description: `Same filters and sort as \`GET /api/incidents\`, no paging; at most ${MAX_EXPORT_ROWS} incidents (else 413). Columns are the API's codes, then the town, community and grid by name.`,
          parameters: exportParameters(),
          responses: { '200': { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors(400, 413) },
        },
      },
      '/api/exports/incidents.geojson': {
        get: {
          summary: 'The selection of the incident list as one GeoJSON FeatureCollection',
          parameters: exportParameters(),
          responses: { '200': { description: 'OK', content: { 'application/geo+json': { schema: { type: 'object' } } } }, ...errors(400, 413) },
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
            ...tileCoordinates(),
          ],
          responses: tileResponses(),
        },
      },
      // Area tiles (issue 8).
      '/api/tiles/areas/{level}/{z}/{x}/{y}.mvt': {
        get: {
          summary: 'A Mapbox Vector Tile of the areas of one level',
          description:
            'Two layers: `{level}` with one polygon per area meeting the tile (id = area id; id, name, parentId), clipped ' +
            'to the tile plus a 16-pixel buffer and simplified to half a pixel; and `{level}-label` with one point per area ' +
            'whose label point lies in the tile (id, name, level, label: a grid without its community name in front). ' +
            `Empty (204) below the level's minimum zoom (${Object.entries(AREA_TILE_MIN_ZOOM).map(([l, z]) => `${l} ${z}`).join(', ')}; ` +
            `others 0). At most ${MAX_FEATURES_PER_TILE} areas a tile. Sent gzip-encoded with an ETag; Cache-Control max-age=${TILE_MAX_AGE_S}.`,
          parameters: [
            path('level', 'Area level.', { type: 'string', enum: [...AREA_TREE_LEVELS] }),
            ...tileCoordinates(),
          ],
          responses: tileResponses(),
        },
      },
      ...importAndExportPaths(),
      // Hot spots, heat map and early warning (issue 4).
      '/api/hotspots': {
        get: {
          summary: 'Significant hot and cold spots: Getis–Ord Gi* over incident counts per cell, as GeoJSON polygons',
          description:
            'Every cell of the study area, zero cells included, with count, z (Gi*), p (two-sided, normal), q ' +
            '(Benjamini–Hochberg over all cells) and bin −3..3 (cold 99/95/90 %, none, hot 90/95/99 %), judged by q ' +
            `when fdr=true, by p when false. Weights: binary, the cell itself included (Gi*), not row-standardised; ` +
            `hexagons neighbour their H3 k-ring (k = ${HEX_K_RING}), grids neighbour grids sharing a boundary edge. ` +
            'Gi* = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²)/(n − 1))), S the population standard deviation. ' +
            'Hexagons are every H3 cell whose centre lies in the county plus the cell of any incident outside it.',
          parameters: [
            query('unit', 'Cells: H3 hexagons or grids (网格).', { type: 'string', enum: [...HOTSPOT_UNITS], default: 'hex' }),
            query('resolution', `H3 resolution (unit=hex only; 400 with unit=grid).`, {
              type: 'integer', minimum: MIN_HEX_RESOLUTION, maximum: MAX_HEX_RESOLUTION, default: DEFAULT_HEX_RESOLUTION,
            }),
            query('from', `Reported at or after (ISO date = 00:00 of that county day, ${COUNTY_OFFSET}; 400 when after to).`, { type: 'string' }),
            query('to', 'Reported before (a date alone includes its whole county day).', { type: 'string' }),
            query('kind', 'Incident kinds.', commaList(INCIDENT_KINDS)),
            query('fdr', 'Benjamini–Hochberg false-discovery-rate correction of the classes.', { type: 'boolean', default: true }),
            query('cells', 'all: every cell; significant: only cells of bin ≠ 0 (statistics still over all cells).', {
              type: 'string', enum: ['all', 'significant'], default: 'all',
            }),
          ],
          responses: { '200': { description: 'OK', ...geojson('HotspotCollection') }, ...errors(400) },
        },
      },
      '/api/heat': {
        get: {
          summary: 'Every incident as a point for the heat map: county week, kind, status, handling level, severity',
          responses: { '200': { description: 'OK', ...geojson('HeatCollection') }, ...errors(400) },
        },
      },
      '/api/warnings': {
        get: {
          summary: 'Early warnings (研判预警) at the server clock, newest first, with the thresholds used',
          description:
            `rising_area: a grid whose last ${W.RECENT_PERIOD_DAYS} days exceed its previous ${W.BASELINE_PERIOD_DAYS} (one-sided ` +
            `Poisson rate test, BH q ≤ ${W.RISING_MAX_Q_VALUE}, rate ratio ≥ ${W.RISING_MIN_RATE_RATIO}, ≥ ${W.RISING_MIN_RECENT_COUNT} cases); ` +
            `emerging_hotspot: a grid with ≥ ${W.EMERGING_MIN_RECENT_COUNT} recent cases, Gi* bin ≥ ${W.EMERGING_MIN_BIN} over the last ` +
            `${W.EMERGING_RECENT_DAYS} days and ≤ ${W.EMERGING_MAX_BASELINE_BIN} over the baseline; repeat_address: ≥ ${W.REPEAT_ADDRESS_MIN_COUNT} incidents at ` +
            `one household within ${W.REPEAT_ADDRESS_WINDOW_DAYS} days; near_deadline: an open case due within ${W.NEAR_DEADLINE_HOURS} ` +
            'hours. Figures are numbers; clients word the reasons.',
          parameters: [query('type', 'Warning types.', commaList(WARNING_TYPES))],
          responses: { '200': { description: 'OK', ...json(ref('WarningList')) }, ...errors(400) },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          responses: { '200': { description: 'OK', ...json({ type: 'object' }) } },
        },
      },
      ...plannerPaths(),
    },
    components: {
      schemas: {
        ...plannerSchemas(),
        Health: component(healthSchema),
        ClientConfig: component(clientConfigSchema),
        AreaCollection: component(areaCollectionSchema),
        AreaDetail: component(areaDetailSchema),
        HouseholdCollection: component(householdCollectionSchema),
        HouseholdFeature: component(householdFeatureSchema),
        IncidentCollection: component(incidentCollectionSchema),
        IncidentList: component(incidentListSchema),
        AreaStats: component(areaStatsSchema),
        ChildrenStats: component(childrenStatsSchema),
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
        HotspotCollection: component(hotspotCollectionSchema),
        HeatCollection: component(heatCollectionSchema),
        WarningList: component(warningListSchema),
        ErrorBody: component(errorBodySchema),
        ...Object.fromEntries(Object.entries(MEDIATION_OPENAPI_SCHEMAS).map(([name, [schema, io]]) => [name, component(schema, io)])),
        ImportMapping: component(importMappingSchema),
        ImportPreview: component(importPreviewSchema),
        ImportReport: component(importReportSchema),
        ImportResult: component(importResultSchema),
        SavedMapping: component(savedMappingSchema),
      },
    },
  };
}

// The planner (issue 6): plans, grid versions and grid staff.
function plannerPaths(): Json {
  const community = (name: string) => ({ ...query(name, 'Community id; 400 when it is not a community.', ID_SCHEMA), required: true });
  return {
    '/api/plans': {
      get: {
        summary: "A community's plans, newest first (drafts are visible to every planner)",
        parameters: [community('community')],
        responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { plans: { type: 'array', items: ref('Plan') } } }) }, ...errors(400) },
      },
      post: {
        summary: 'Save a draft plan: the grids of one community after the change, and the versions it was drafted from',
        description: 'Negative grid ids are new grids; a grid of the community left out is removed (merged). Drafts may be invalid; the impact lists the problems and apply refuses them.',
        requestBody: jsonBody('PlanDraftRequest'),
        responses: { '201': { description: 'The plan', ...json(ref('Plan')) }, ...errors(400, 413) },
      },
    },
    '/api/plans/community/{id}': {
      get: {
        summary: 'What the planner edits: a community, its grids with versions and label points',
        parameters: [idPath('Community')],
        responses: { '200': { description: 'OK', ...json(ref('PlannerCommunity')) }, ...errors(400, 404) },
      },
    },
    '/api/plans/preview': {
      post: {
        summary: 'The impact of grids not saved yet: problems, figures per grid before and after, the balance',
        requestBody: jsonBody('PlanPreviewRequest'),
        responses: { '200': { description: 'OK', ...json(ref('PlanImpact')) }, ...errors(400, 413) },
      },
    },
    '/api/plans/restore': {
      post: {
        summary: "A new draft that puts a community's grids back as they were at an instant",
        requestBody: jsonBody('PlanRestoreRequest'),
        responses: { '201': { description: 'The plan', ...json(ref('Plan')) }, ...errors(400, 413) },
      },
    },
    '/api/plans/{id}': {
      get: { summary: 'One plan', parameters: [idPath('Plan')], responses: { '200': { description: 'OK', ...json(ref('Plan')) }, ...errors(400, 404) } },
    },
    '/api/plans/{id}/impact': {
      get: {
        summary: 'What the plan does: problems with where they are, grids changed since it was drafted, figures and balance',
        parameters: [idPath('Plan')],
        responses: { '200': { description: 'OK', ...json(ref('PlanImpact')) }, ...errors(400, 404) },
      },
    },
    '/api/plans/{id}/apply': {
      post: {
        summary: 'Apply a draft in one transaction',
        description:
          'Grids change, households, incidents, grid-level mediation points and the staff of removed grids in the changed area are ' +
          'reassigned by point-in-polygon, grid figures recounted and a new version of each changed grid recorded. 409 when ' +
          'any grid of the community changed since the plan was drafted (the message names them) or the plan was applied; ' +
          '400 with the first problem and where it is when the grids are not a valid partition. Either way nothing changes.',
        parameters: [idPath('Plan')],
        requestBody: jsonBody('PlanApplyRequest'),
        responses: { '200': { description: 'What changed', ...json(ref('PlanApplyResult')) }, ...errors(400, 404, 409, 413) },
      },
    },
    '/api/grid-versions': {
      get: {
        summary: 'Every recorded version of the grids of a community (grids no plan changed have none: their area row is their one version)',
        parameters: [community('community')],
        responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { versions: { type: 'array', items: ref('GridVersion') } } }) }, ...errors(400) },
      },
    },
    '/api/grid-versions/as-of': {
      get: {
        summary: 'The grids of a community as they were at an instant',
        parameters: [community('community'), { ...query('at', `ISO date-time, or a date: the end of that county day (${COUNTY_OFFSET}).`), required: true }],
        responses: { '200': { description: 'OK', ...geojson('GridsAsOf') }, ...errors(400) },
      },
    },
    '/api/areas/{id}/staff': {
      get: {
        summary: "A grid's staff and the unassigned staff",
        parameters: [idPath('Grid')],
        responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { staff: { type: 'array', items: ref('StaffMember') } } }) }, ...errors(400, 404) },
      },
      put: {
        summary: "Set a grid's team: the listed staff move to it, its others are unassigned; figures follow",
        description: 'Needs the plan permission; 403 when the grid, or the grid a listed staff member is taken from, lies outside the account\'s area.',
        parameters: [idPath('Grid')],
        requestBody: jsonBody('GridStaffRequest'),
        responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { staff: { type: 'array', items: ref('StaffMember') } } }) }, ...errors(400, 403, 404, 413) },
      },
    },
  };
}

function plannerSchemas(): Json {
  return {
    Plan: component(planSchema),
    PlanDraftRequest: component(planDraftRequestSchema, 'input'),
    PlanPreviewRequest: component(planPreviewRequestSchema, 'input'),
    PlanRestoreRequest: component(planRestoreRequestSchema, 'input'),
    PlanApplyRequest: component(planApplyRequestSchema, 'input'),
    PlanApplyResult: component(planApplyResultSchema),
    PlanImpact: component(planImpactSchema),
    PlannerCommunity: component(plannerCommunitySchema),
    GridVersion: component(gridVersionSchema),
    GridsAsOf: component(gridsAsOfSchema),
    GridStaffRequest: component(gridStaffRequestSchema, 'input'),
    StaffMember: component(staffMemberSchema),
  };
}

/** Issue 10: imports (multipart uploads) and layer exports. */
function importAndExportPaths(): Json {
  const upload = (extra: Json) => ({
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'GeoJSON, a zipped Shapefile (.shp, .dbf, .prj, .cpg) or CSV in UTF-8 or GBK.' },
            ...extra,
          },
        },
      },
    },
  });
  const mappingField = { mapping: { type: 'string', description: 'The ImportMapping as JSON.' } };
  const skipField = { skipRejected: { type: 'string', enum: ['true', 'false'], description: 'Apply the accepted rows and leave the rejected out.' } };
  const formatParam = query('format', 'geojson (default), csv (UTF-8 with BOM; points as lon/lat, polygons as wkt) or shp (zipped, with .prj and .cpg).', {
    type: 'string',
    enum: [...EXPORT_FORMATS],
  });
  const exportResponses = {
    '200': {
      description: 'The file, as an attachment (Content-Disposition).',
      content: {
        'application/geo+json': { schema: { type: 'object' } },
        'text/csv': { schema: { type: 'string' } },
        'application/zip': { schema: { type: 'string', format: 'binary' } },
      },
    },
    ...errors(400),
  };
  const exportPath = (what: string, parameters: Json[]) => ({
    get: { summary: `Export ${what}, whole or filtered as its list route filters`, parameters: [formatParam, ...parameters], responses: exportResponses },
  });
  return {
    '/api/imports/preview': {
      post: {
        summary: 'What a file holds: format, encoding, declared coordinate system, columns, first rows, a guessed mapping',
        requestBody: upload({ layer: { type: 'string', enum: [...IMPORT_LAYERS] }, encoding: { type: 'string', enum: ['auto', 'utf-8', 'gbk'] } }),
        responses: { '200': { description: 'OK', ...json(ref('ImportPreview')) }, ...errors(400, 403, 413) },
      },
    },
    '/api/imports/dry-run': {
      post: {
        summary: 'The row-by-row report of what importing the file would create, update or reject; writes nothing',
        requestBody: upload({ ...mappingField, ...skipField }),
        responses: { '200': { description: 'OK', ...json(ref('ImportReport')) }, ...errors(400, 403, 413) },
      },
    },
    '/api/imports/apply': {
      post: {
        summary: 'Plans and writes the import in one transaction',
        requestBody: upload({ ...mappingField, ...skipField }),
        responses: { '200': { description: 'Written', ...json(ref('ImportResult')) }, ...errors(400, 403, 409, 413) },
      },
    },
    '/api/imports/mappings': {
      get: {
        summary: 'Saved field mappings, newest first',
        parameters: [query('layer', 'Only mappings of this layer.', { type: 'string', enum: [...IMPORT_LAYERS] })],
        responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { mappings: { type: 'array', items: ref('SavedMapping') } } }) }, ...errors(400) },
      },
    },
    '/api/imports/mappings/{name}': {
      put: {
        summary: 'Save (or replace) a mapping under a name',
        parameters: [path('name', 'The name, 1–100 characters.')],
        requestBody: { required: true, ...json({ type: 'object', required: ['mapping'], properties: { mapping: ref('ImportMapping') } }) },
        responses: { '200': { description: 'Saved', ...json(ref('SavedMapping')) }, ...errors(400, 403, 413) },
      },
      delete: {
        summary: 'Delete a saved mapping',
        parameters: [path('name', 'The name.')],
        responses: { '204': { description: 'Deleted' }, ...errors(403, 404) },
      },
    },
    '/api/imports/batches': {
      get: {
        summary: 'Applied imports, newest first (the last 50)',
        responses: { '200': { description: 'OK', ...json({ type: 'object' }) } },
      },
    },
    '/api/layer-exports/areas': exportPath('areas', [
      query('level', 'Only areas of this level.', { type: 'string', enum: [...AREA_LEVELS] }),
      areaFilter('parent', 'Only children of this area.'),
      bbox,
    ]),
    '/api/layer-exports/households': exportPath('households (masked as in the API)', [bbox, areaFilter('gridId', 'Only households of this grid.')]),
    '/api/layer-exports/mediation-points': exportPath('mediation points', [bbox, query('kind', 'Mediation point kinds.', commaList(MEDIATION_KINDS))]),
    '/api/layer-exports/incidents': exportPath('incidents', [
      bbox,
      query('from', 'Reported at or after (as in /api/incidents).'),
      query('to', 'Reported before (as in /api/incidents).'),
      query('kind', 'Incident kinds.', commaList(INCIDENT_KINDS)),
      query('status', 'Statuses.', commaList(INCIDENT_STATUSES)),
      areaFilter('areaId', 'Only incidents inside this area.'),
    ]),
  };
}

/** The z/x/y path parameters every tile route takes. */
function tileCoordinates() {
  return [
    path('z', 'Zoom.', { type: 'integer', minimum: 0, maximum: MAX_TILE_ZOOM }),
    path('x', 'Column, 0 … 2^z − 1.', { type: 'integer', minimum: 0 }),
    path('y', 'Row, 0 … 2^z − 1.', { type: 'integer', minimum: 0 }),
  ];
}

/** What every tile route answers. */
function tileResponses() {
  return {
    '200': {
      description: 'The tile',
      content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } },
    },
    '204': { description: 'The tile has no features.' },
    '304': { description: 'Not modified (If-None-Match matched the ETag).' },
    ...errors(400),
  };
}
