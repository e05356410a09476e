import { HOTSPOT_UNITS, INCIDENT_KINDS } from '@gridmap/shared';
import { MAX_HEX_RESOLUTION, MIN_HEX_RESOLUTION } from '@gridmap/shared/hotspots/hex-study-area';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { countyOutlineText, loadAnalysisIncidents, loadGridCells } from '../db/hotspots-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { scopedAnalysis } from '../auth/scoped-analysis.ts';
import { notModified } from '../http/conditional-get.ts';
import { dataEtag } from '../http/data-etag.ts';
import { EncodedBodyCache } from '../http/encoded-body-cache.ts';
import { GEOJSON_CONTENT_TYPE } from '../http/feature-collection.ts';
import { commaListParam, isoDateParam, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { hotspotCollectionJson, type StudyCells } from '../hotspots/hotspot-collection.ts';
import { gridStudyAreaFor, hexCellsFor } from '../hotspots/study-areas.ts';

/** H3 resolution when the query names none: ~0.74 km² hexagons, ~3,000 over the demo county. */
export const DEFAULT_HEX_RESOLUTION = 8;

const resolutionParam = z.string().transform((text, ctx) => {
  const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(n >= MIN_HEX_RESOLUTION && n <= MAX_HEX_RESOLUTION)) {
    ctx.addIssue({ code: 'custom', message: `resolution '${text}' must be an integer H3 resolution from ${MIN_HEX_RESOLUTION} to ${MAX_HEX_RESOLUTION}` });
    return z.NEVER;
  }
  return n;
});

const hotspotQuery = queryObject({
  unit: z.enum(HOTSPOT_UNITS, { error: (i) => `unknown unit '${String(i.input)}'; expected ${HOTSPOT_UNITS.join(' or ')}` }).default('hex'),
  resolution: resolutionParam.optional(),
  from: isoDateParam('from').optional(),
  to: isoDateParam('to').optional(),
  kind: commaListParam('kind', INCIDENT_KINDS).optional(),
  fdr: z.enum(['true', 'false'], { error: (i) => `fdr '${String(i.input)}' must be true or false` }).default('true'),
  cells: z.enum(['all', 'significant'], { error: (i) => `cells '${String(i.input)}' must be all or significant` }).default('all'),
}).superRefine(({ from, to, unit, resolution }, ctx) => {
  if (from && to && from.start > to.start) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
  if (unit === 'grid' && resolution !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'resolution applies to unit=hex only; grids are the cells of unit=grid' });
  }
});

/**
 * `GET /api/hotspots`: Getis–Ord Gi* over incident counts per H3 hexagon or per grid, with
 * BH-corrected classes (see shared/src/hotspots/). Answers follow the data alone, so they are
 * cached per data version and query.
 */
export function hotspotsRoutes({ db }: AppDeps) {
  const bodies = new EncodedBodyCache();
  return new Hono<AppEnv>().get('/', validate('query', hotspotQuery), (c) => {
    const q = c.req.valid('query');
    const scoped = scopedAnalysis(c, db);
    const etag = dataEtag(db, `s${scoped.scope ?? 'all'}`);
    const unchanged = notModified(c, etag, 'no-cache');
    if (unchanged) return unchanged;
    const key = `${etag} ${new URL(c.req.url).search}`;
    return bodies.respond(c, key, GEOJSON_CONTENT_TYPE, () => {
      const incidents = scoped.incidents(loadAnalysisIncidents(db));
      let cells: StudyCells;
      if (q.unit === 'hex') {
        const outline = countyOutlineText(db, scoped.scope);
        if (!outline) throw new ApiError('not_found', 'the database holds no county to analyse');
        const resolution = q.resolution ?? DEFAULT_HEX_RESOLUTION;
        const hex = hexCellsFor(incidents, outline, resolution);
        cells = { unit: 'hex', resolution, keys: hex.cells, geometryJson: hex.geometryJson, cellOfPoint: hex.cellOfPoint, neighbourhood: hex.neighbourhood };
      } else {
        const area = gridStudyAreaFor(incidents, scoped.gridCells(loadGridCells(db)));
        cells = {
          unit: 'grid',
          resolution: null,
          keys: area.grids.ids.map(String),
          names: area.grids.names,
          geometryJson: area.grids.geometryJson,
          cellOfPoint: area.cellOfPoint,
          neighbourhood: area.neighbourhood,
        };
      }
      return hotspotCollectionJson(incidents, cells, {
        fromMs: q.from?.start,
        toMs: q.to?.end,
        kinds: q.kind,
        fdr: q.fdr === 'true',
        significantOnly: q.cells === 'significant',
      });
    });
  });
}
