import { constants } from 'node:zlib';
import { areaTreeLevelSchema, type AreaDetail } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { areasStamp } from '../db/memo-until-write.ts';
import { areaRowsKept, countAreas, getAreaDetail, listAreas, type AreaRow } from '../db/areas-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import { orNotFound } from '../errors/or-not-found.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireInScope, scopeAreaId, suppressesSmallCounts } from '../auth/scope.ts';
import { suppressSmallCount } from '../privacy/small-counts.ts';
import { notModified } from '../http/conditional-get.ts';
import { contentEtag, dataEtag } from '../http/data-etag.ts';
import { EncodedBodyCache } from '../http/encoded-body-cache.ts';
import { GEOJSON_CONTENT_TYPE, geojsonResponse } from '../http/feature-collection.ts';
import { bboxParam, idParam, idPathParams, queryObject } from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { validate } from '../http/validate.ts';

/**
 * Areas change only when the database does, and the grid layer is megabytes: a client keeps
 * its copy and asks each time whether it is current (a 304 costs one query of the version).
 */
export const AREAS_CACHE_CONTROL = 'no-cache';

/**
 * Most areas one list answers with. The county demo's largest layer (its 2,000 grids, ~3 MB of
 * GeoJSON) fits; a province's 60,000 grids (hundreds of MB) do not: there a client narrows the
 * list by level, parent or bbox, or draws the areas as vector tiles.
 */
export const AREAS_LIST_MAX = 10_000;

const listQuery = queryObject({
  level: areaTreeLevelSchema.optional(),
  parent: idParam.optional(),
  bbox: bboxParam.optional(),
});

export function areasRoutes({ db, config }: AppDeps) {
  // Rebuilt after every incident write (open counts): the fastest gzip (see EncodedBodyCache).
  const bodies = new EncodedBodyCache(constants.Z_BEST_SPEED);
  return new Hono<AppEnv>()
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'parent', q.parent);
      const scope = scopeAreaId(c);
      if (q.parent !== undefined) requireInScope(c, db, q.parent, 'parent');
      const filter = { level: q.level, parentId: q.parent, bbox: q.bbox, ...(scope !== null && { within: scope }) };
      if (!areaRowsKept(db, filter)) {
        const n = countAreas(db, filter);
        const max = config.areasListMax ?? AREAS_LIST_MAX;
        if (n > max) {
          const field = q.level === undefined ? 'level' : q.parent === undefined ? 'parent' : 'bbox';
          throw new ApiError('bad_request', `${n} areas match, more than the ${max} one list may hold; narrow it with level, parent or bbox`, field);
        }
      }
      const rows = listAreas(db, filter);
      // The list changes when an area does or an open count it shows does, not with every write
      // (accepting a case leaves every count as it was). The account's scope is part of the tag
      // and the cache key: two accounts never share a body.
      const etag = contentEtag(areasStamp(db), `s${scope ?? 'all'}`, ...rows.map((r) => r.properties.openIncidents));
      const unchanged = notModified(c, etag, AREAS_CACHE_CONTROL);
      if (unchanged) return unchanged;
      const self = new URL(c.req.url);
      return bodies.respond(c, `${etag} ${self.search}`, GEOJSON_CONTENT_TYPE, () => areaCollectionJson(rows, self));
    })
    .get('/:id', validate('param', idPathParams), (c) => {
      const { id } = c.req.valid('param');
      const found = orNotFound(getAreaDetail(db, id, config.now()), 'area', id);
      requireInScope(c, db, id, 'id');
      const area = { ...found, keyGroupHouseholds: suppressesSmallCounts(c) ? suppressSmallCount(found.keyGroupHouseholds) : found.keyGroupHouseholds };
      const { properties, geometryJson, ...figures } = area;
      // Overdue counts move with the clock, not only with writes, so they are part of the tag.
      const unchanged = notModified(c, dataEtag(db, figures.overdueIncidents), AREAS_CACHE_CONTROL);
      if (unchanged) return unchanged;
      const detail: Omit<AreaDetail, 'geometry'> = {
        type: 'Feature',
        id,
        properties: { ...properties, ...figures },
      };
      const json = JSON.stringify(detail);
      // Splice the stored geometry in after `"id":…,` (see the list route for why).
      return geojsonResponse(c, `{"type":"Feature","id":${id},"geometry":${geometryJson},${json.slice(json.indexOf('"properties"'))}`);
    });
}

/** The FeatureCollection of the areas a list query answers with, as JSON text. */
function areaCollectionJson(rows: AreaRow[], self: URL): string {
  // Geometries are written out as stored rather than parsed and re-serialised: the grid
  // layer is megabytes of coordinates and this keeps it a string concatenation.
  const features = rows.map(
    (r) => `{"type":"Feature","id":${r.properties.id},"geometry":${r.geometryJson},"properties":${JSON.stringify(r.properties)}}`,
  );
  const links = JSON.stringify([{ rel: 'self', href: self.pathname + self.search, type: 'application/geo+json' }]);
  return `{"type":"FeatureCollection","features":[${features.join(',')}],"numberReturned":${rows.length},"nextCursor":null,"links":${links}}`;
}
