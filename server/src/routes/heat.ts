import { AREA_LEVELS, INCIDENT_KINDS, INCIDENT_STATUSES, countyWeekNumber, type HeatCollection } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { loadAnalysisIncidents } from '../db/hotspots-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { scopedAnalysis } from '../auth/scoped-analysis.ts';
import { notModified } from '../http/conditional-get.ts';
import { dataEtag } from '../http/data-etag.ts';
import { EncodedBodyCache } from '../http/encoded-body-cache.ts';
import { GEOJSON_CONTENT_TYPE } from '../http/feature-collection.ts';
import { queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

/**
 * `GET /api/heat`: every incident as a point carrying what the heat map filters and weighs by.
 * The browser holds them all (~62,000 in the demo, ~1 MB gzipped, fetched once per data
 * version) so that the week slider and its playback only change a layer filter: no request per
 * frame. Positions are rounded to 1e-5° (~1 m), plenty for a heat map.
 */
export function heatRoutes({ db, config }: AppDeps) {
  const bodies = new EncodedBodyCache();
  return new Hono<AppEnv>().get('/', validate('query', queryObject({})), (c) => {
    const nowWeek = countyWeekNumber(config.now().getTime());
    const scoped = scopedAnalysis(c, db);
    const etag = dataEtag(db, nowWeek, `s${scoped.scope ?? 'all'}`);
    const unchanged = notModified(c, etag, 'no-cache');
    if (unchanged) return unchanged;
    return bodies.respond(c, etag, GEOJSON_CONTENT_TYPE, () => {
      const p = scoped.incidents(loadAnalysisIncidents(db));
      const features: string[] = new Array(p.count);
      let firstWeek = nowWeek;
      for (let i = 0; i < p.count; i++) {
        const week = countyWeekNumber(p.reportedMs[i]);
        if (week < firstWeek) firstWeek = week;
        const lon = Math.round(p.lon[i] * 1e5) / 1e5;
        const lat = Math.round(p.lat[i] * 1e5) / 1e5;
        features[i] =
          `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},${lat}]},"properties":{"week":${week},` +
          `"kind":"${INCIDENT_KINDS[p.kind[i]]}","status":"${INCIDENT_STATUSES[p.status[i]]}","level":"${AREA_LEVELS[p.level[i]]}","severity":${p.severity[i]}}}`;
      }
      const head: Pick<HeatCollection, 'firstWeek' | 'nowWeek'> = { firstWeek, nowWeek };
      return `{"type":"FeatureCollection",${JSON.stringify(head).slice(1, -1)},"features":[${features.join(',')}]}`;
    });
  });
}
