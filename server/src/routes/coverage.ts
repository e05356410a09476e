import {
  AREA_LEVELS,
  DEFAULT_COVERAGE_DISTANCE_M,
  INCIDENT_KINDS,
  MAX_COVERAGE_DISTANCE_M,
  MAX_SUGGESTIONS,
  MIN_COVERAGE_DISTANCE_M,
  kindBit,
  type Coverage,
  type CoverageSuggestions,
  type IncidentKind,
} from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { getHouseholdsByIds } from '../db/coverage-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { gridIdsWithin } from '../db/tile-points-sql.ts';
import { scopeAreas } from '../live/live-replay.ts';
import { inScope, scopeAreaId, scopedAreaFilter } from '../auth/scope.ts';
import { geojsonResponse, pointFeatureCollection } from '../http/feature-collection.ts';
import { decimalParam, integerParam } from '../http/number-params.ts';
import { idParam, pagingParams, queryObject } from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { validate } from '../http/validate.ts';
import type { CoverageService } from '../mediation/coverage-service.ts';
import { suggestPoints, uncoveredHouseholdIds } from '../mediation/coverage-queries.ts';
import { publicHousehold } from '../privacy/public-household.ts';

const distance = decimalParam('distance', MIN_COVERAGE_DISTANCE_M, MAX_COVERAGE_DISTANCE_M).optional();
const kind = z.enum(INCIDENT_KINDS);

const figuresQuery = queryObject({ distance, kind: kind.optional(), level: z.enum(AREA_LEVELS).optional() });
const householdsQuery = queryObject({ distance, kind, areaId: idParam.optional(), ...pagingParams });
const suggestionsQuery = queryObject({ distance, kind, n: integerParam('n', 1, MAX_SUGGESTIONS).default(5) });

/**
 * Where the county lacks a mediation point: per dispute kind, households farther than `distance`
 * (default 3 km) from any point in service that takes the kind, as figures per area, as a list
 * of households, and as suggested places for new points.
 */
export function coverageRoutes({ db, coverage }: AppDeps & { coverage: CoverageService }) {
  return new Hono<AppEnv>()
    .get('/', validate('query', figuresQuery), (c) => {
      const q = c.req.valid('query');
      const scope = scopeAreaId(c);
      const result = coverage.at(q.distance ?? DEFAULT_COVERAGE_DISTANCE_M);
      const kinds: IncidentKind[] = q.kind ? [q.kind] : [...INCIDENT_KINDS];
      const body: Coverage = {
        distanceM: result.distanceM,
        kinds,
        areas: result.areas
          .filter((a) => (q.level === undefined || a.level === q.level) && (scope === null || inScope(db, scope, a.id)))
          .map((a) => {
            const figures = result.byArea.get(a.id);
            const uncovered = Object.fromEntries(
              kinds.map((k) => [k, figures ? figures.uncovered[INCIDENT_KINDS.indexOf(k)] : 0]),
            ) as Partial<Record<IncidentKind, number>>;
            return { areaId: a.id, level: a.level, name: a.name, households: figures?.households ?? 0, uncovered };
          }),
      };
      return c.json(body);
    })
    .get('/households', validate('query', householdsQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'areaId', q.areaId);
      const areaId = scopedAreaFilter(c, db, 'areaId', q.areaId) ?? undefined;
      const result = coverage.at(q.distance ?? DEFAULT_COVERAGE_DISTANCE_M);
      const ids = uncoveredHouseholdIds(result, kindBit(q.kind), areaId, q.cursor ?? 0, q.limit + 1);
      const rows = getHouseholdsByIds(db, ids);
      const page = rows.length > q.limit ? { items: rows.slice(0, q.limit), nextAfterId: rows[q.limit - 1].id } : { items: rows, nextAfterId: null };
      return geojsonResponse(c, pointFeatureCollection(page, c.req.url, publicHousehold));
    })
    .get('/suggestions', validate('query', suggestionsQuery), (c) => {
      const q = c.req.valid('query');
      const result = coverage.at(q.distance ?? DEFAULT_COVERAGE_DISTANCE_M);
      const scope = scopeAreaId(c);
      const within = scope === null ? undefined : { areas: scopeAreas(db, scope), grids: gridIdsWithin(db, scope) };
      const body: CoverageSuggestions = suggestPoints(result, coverage.pointsInService(), q.kind, q.n, within);
      return c.json(body);
    });
}
