import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { listHouseholds } from '../db/households-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { GEOJSON_CONTENT_TYPE, pointFeatureCollection } from '../http/feature-collection.ts';
import { bboxParam, cursorParam, idParam, limitParam } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { maskName, maskPhone } from '../privacy/mask-contact.ts';

const listQuery = z.object({
  bbox: bboxParam.optional(),
  gridId: idParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export function householdsRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', validate('query', listQuery), (c) => {
    const q = c.req.valid('query');
    const page = listHouseholds(db, { bbox: q.bbox, gridId: q.gridId }, { limit: q.limit, afterId: q.cursor });
    const collection = pointFeatureCollection(page, c.req.url, (h) => ({
      id: h.id,
      gridId: h.gridId,
      address: h.address,
      size: h.size,
      tags: h.tags,
      headName: maskName(h.headName),
      phone: maskPhone(h.phone),
    }));
    return c.body(JSON.stringify(collection), 200, { 'Content-Type': GEOJSON_CONTENT_TYPE });
  });
}
