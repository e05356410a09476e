import {
  AREA_LEVELS,
  DEFAULT_COVERAGE_DISTANCE_M,
  DEFAULT_NEAREST_K,
  INCIDENT_KINDS,
  MAX_COVERAGE_DISTANCE_M,
  MAX_NEAREST_K,
  MAX_SUGGESTIONS,
  MEDIATION_KINDS,
  MIN_COVERAGE_DISTANCE_M,
  coverageSchema,
  coverageSuggestionsSchema,
  mediationPointCreateSchema,
  mediationPointPatchSchema,
  nearestMediationCollectionSchema,
} from '@gridmap/shared';
import type { z } from 'zod';

type Json = Record<string, unknown>;

/** The helpers of openapi-document.ts this part is written with. */
export interface OpenApiHelpers {
  query: (name: string, description: string, schema?: Json) => Json;
  path: (name: string, description: string, schema?: Json) => Json;
  errors: (...statuses: number[]) => Json;
  json: (schema: Json, type?: string) => Json;
  geojson: (name: string) => Json;
  ref: (name: string) => Json;
  idPath: (what: string) => Json;
  bbox: Json;
  paging: Json[];
  commaList: (values: readonly string[]) => Json;
}

/** Issue 5's paths: mediation points (list, one, nearest, add, change), nearest from an incident, coverage. */
export function mediationOpenApiPaths(h: OpenApiHelpers): Record<string, Json> {
  const required = (p: Json) => ({ ...p, required: true });
  const filters = [
    h.query('k', `Candidates to return, 1–${MAX_NEAREST_K}.`, { type: 'integer', minimum: 1, maximum: MAX_NEAREST_K, default: DEFAULT_NEAREST_K }),
    h.query('openAt', 'Only points open at this instant (ISO date-time with Z or an offset; hours are read on the county clock, UTC+8).', { type: 'string', format: 'date-time' }),
    h.query('level', 'Only points of this level.', { type: 'string', enum: [...AREA_LEVELS] }),
  ];
  const nearestResponses = { '200': { description: 'Candidates, nearest first (great-circle metres), ties by id', ...h.geojson('NearestMediationCollection') } };
  const distance = h.query('distance', `Coverage distance in metres, ${MIN_COVERAGE_DISTANCE_M}–${MAX_COVERAGE_DISTANCE_M}.`, {
    type: 'number', minimum: MIN_COVERAGE_DISTANCE_M, maximum: MAX_COVERAGE_DISTANCE_M, default: DEFAULT_COVERAGE_DISTANCE_M,
  });
  const kind = (desc: string) => h.query('kind', desc, { type: 'string', enum: [...INCIDENT_KINDS] });
  const body = (name: string) => ({ required: true, ...h.json(h.ref(name)) });
  return {
    '/api/mediation-points': {
      get: {
        summary: 'Mediation points in service (调解室 / 调解点) as GeoJSON points, paged by id',
        parameters: [h.bbox, h.query('kind', 'Mediation point kinds.', h.commaList(MEDIATION_KINDS)), ...h.paging],
        responses: { '200': { description: 'OK', ...h.geojson('MediationPointCollection') }, ...h.errors(400) },
      },
      post: {
        summary: 'Add a mediation point',
        description: 'Its level is the level of `areaId`; it must lie inside the county. The nearest index and coverage follow at once.',
        requestBody: body('MediationPointCreate'),
        responses: { '201': { description: 'Created', ...h.geojson('MediationPointFeature') }, ...h.errors(400, 413) },
      },
    },
    '/api/mediation-points/{id}': {
      get: {
        summary: 'One mediation point (closed ones too, with closedAt) as a GeoJSON point',
        parameters: [h.idPath('Mediation point')],
        responses: { '200': { description: 'OK', ...h.geojson('MediationPointFeature') }, ...h.errors(400, 404) },
      },
      patch: {
        summary: 'Change, move, close (`closed: true`) or reopen a mediation point',
        parameters: [h.idPath('Mediation point')],
        requestBody: body('MediationPointPatch'),
        responses: { '200': { description: 'OK', ...h.geojson('MediationPointFeature') }, ...h.errors(400, 404, 413) },
      },
    },
    '/api/mediation-points/nearest': {
      get: {
        summary: 'The k nearest mediation points in service that take a dispute kind (就近调解)',
        parameters: [
          required(h.query('lon', 'Longitude of the place, degrees.', { type: 'number', minimum: -180, maximum: 180 })),
          required(h.query('lat', 'Latitude of the place, degrees.', { type: 'number', minimum: -90, maximum: 90 })),
          h.query('disputeKind', 'Only points that take this kind of dispute.', { type: 'string', enum: [...INCIDENT_KINDS] }),
          ...filters,
        ],
        responses: { ...nearestResponses, ...h.errors(400) },
      },
    },
    '/api/incidents/{id}/nearest-mediation': {
      get: {
        summary: "The nearest mediation points that take the incident's kind, from where it happened",
        parameters: [h.idPath('Incident'), ...filters],
        responses: { ...nearestResponses, ...h.errors(400, 404) },
      },
    },
    '/api/coverage': {
      get: {
        summary: 'Per area and dispute kind: households farther than the distance from any point in service taking the kind',
        parameters: [distance, kind('Only this kind (default: all).'), h.query('level', 'Only areas of this level.', { type: 'string', enum: [...AREA_LEVELS] })],
        responses: { '200': { description: 'OK', ...h.json(h.ref('Coverage')) }, ...h.errors(400) },
      },
    },
    '/api/coverage/households': {
      get: {
        summary: 'The households behind a coverage figure, as GeoJSON points paged by id (names and phones masked)',
        parameters: [required(kind('Dispute kind.')), distance, h.query('areaId', 'Only households inside this area. 400 when no area has this id.', { type: 'integer', minimum: 1 }), ...h.paging],
        responses: { '200': { description: 'OK', ...h.geojson('HouseholdCollection') }, ...h.errors(400) },
      },
    },
    '/api/coverage/suggestions': {
      get: {
        summary: 'Up to n community centres where a new point taking the kind would cover the most uncovered households (greedy)',
        parameters: [required(kind('Dispute kind.')), distance, h.query('n', `Places, 1–${MAX_SUGGESTIONS}.`, { type: 'integer', minimum: 1, maximum: MAX_SUGGESTIONS, default: 5 })],
        responses: { '200': { description: 'OK', ...h.json(h.ref('CoverageSuggestions')) }, ...h.errors(400) },
      },
    },
  };
}

/** Issue 5's component schemas, from the shared zod contract. */
export const MEDIATION_OPENAPI_SCHEMAS: Record<string, [z.ZodType, 'input' | 'output']> = {
  NearestMediationCollection: [nearestMediationCollectionSchema, 'output'],
  MediationPointCreate: [mediationPointCreateSchema, 'input'],
  MediationPointPatch: [mediationPointPatchSchema, 'input'],
  Coverage: [coverageSchema, 'output'],
  CoverageSuggestions: [coverageSuggestionsSchema, 'output'],
};
