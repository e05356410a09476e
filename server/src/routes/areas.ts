import { areaLevelSchema, type AreaDetail } from '@gridmap/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { getAreaDetail, listAreas } from '../db/areas-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { GEOJSON_CONTENT_TYPE } from '../http/feature-collection.ts';
import { bboxParam, idParam } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';

const listQuery = z.object({
  level: areaLevelSchema.optional(),
  parent: idParam.optional(),
  bbox: bboxParam.optional(),
});

export function areasRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const rows = listAreas(db, { level: q.level, parentId: q.parent, bbox: q.bbox });
      // Geometries are written out as stored rather than parsed and re-serialised: the grid
      // layer is megabytes of coordinates and this keeps it a string concatenation.
      const features = rows.map(
        (r) =>
          `{"type":"Feature","id":${r.properties.id},"geometry":${r.geometryJson},"properties":${JSON.stringify(r.properties)}}`,
      );
      const self = new URL(c.req.url);
      const links = JSON.stringify([{ rel: 'self', href: self.pathname + self.search, type: 'application/geo+json' }]);
      const body = `{"type":"FeatureCollection","features":[${features.join(',')}],"numberReturned":${rows.length},"nextCursor":null,"links":${links}}`;
      return c.body(body, 200, { 'Content-Type': GEOJSON_CONTENT_TYPE });
    })
    .get('/:id', validate('param', z.object({ id: idParam })), (c) => {
      const { id } = c.req.valid('param');
      const area = getAreaDetail(db, id, config.now());
      if (!area) throw new ApiError('not_found', `No area with id ${id}`, 'id');
      const { properties, geometryJson, ...figures } = area;
      const detail: Omit<AreaDetail, 'geometry'> = {
        type: 'Feature',
        id,
        properties: { ...properties, ...figures },
      };
      const json = JSON.stringify(detail);
      // Splice the stored geometry in after `"id":…,` (see the list route for why).
      const body = `{"type":"Feature","id":${id},"geometry":${geometryJson},${json.slice(json.indexOf('"properties"'))}`;
      return c.body(body, 200, { 'Content-Type': GEOJSON_CONTENT_TYPE });
    });
}
