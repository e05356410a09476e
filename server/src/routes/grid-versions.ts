import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { gridsAsOf, listGridVersions } from '../db/grid-versions-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { geojsonResponse } from '../http/feature-collection.ts';
import { idParam, isoDateParam, queryObject } from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { requireInScope } from '../auth/scope.ts';
import { validate } from '../http/validate.ts';

export function gridVersionsRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', queryObject({ community: idParam })), (c) => {
      const { community } = c.req.valid('query');
      requireArea(db, 'community', community, 'community');
      requireInScope(c, db, community, 'community');
      return c.json({ versions: listGridVersions(db, community) });
    })
    .get('/as-of', validate('query', queryObject({ community: idParam, at: isoDateParam('at') })), (c) => {
      const { community, at } = c.req.valid('query');
      requireArea(db, 'community', community, 'community');
      requireInScope(c, db, community, 'community');
      // A bare date means the end of that county day: the boundaries in force that evening.
      const instant = new Date(at.end - 1).toISOString();
      const rows = gridsAsOf(db, community, instant);
      const features = rows.map(
        (r) => `{"type":"Feature","id":${r.id},"geometry":${r.geometryJson},"properties":${JSON.stringify({ id: r.id, code: r.code, name: r.name, version: r.version })}}`,
      );
      return geojsonResponse(c, `{"type":"FeatureCollection","features":[${features.join(',')}],"numberReturned":${rows.length},"nextCursor":null,"links":[]}`);
    });
}
