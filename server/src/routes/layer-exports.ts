import { exportFormatSchema, INCIDENT_KINDS, INCIDENT_STATUSES, MEDIATION_KINDS, areaLevelSchema, type ExportRow } from '@gridmap/shared';
import { encodeExport } from '@gridmap/shared/export/encode-export';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app.ts';
import { listAreas } from '../db/areas-sql.ts';
import { listHouseholds } from '../db/households-sql.ts';
import { areaCodes } from '../db/import-sql.ts';
import { listIncidents } from '../db/incident-list-sql.ts';
import { listMediationPoints } from '../db/mediation-points-sql.ts';
import type { Page, PageRequest } from '../db/paging.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireInScope, scopeAreaId, scopedAreaFilter } from '../auth/scope.ts';
import { bboxParam, commaListParam, idParam, isoDateParam, queryObject } from '../http/query-params.ts';
import { requireArea } from '../http/require-area.ts';
import { validate } from '../http/validate.ts';
import { publicHousehold } from '../privacy/public-household.ts';

/** Rows read from the database per query while an export walks a layer. */
const EXPORT_PAGE_ROWS = 10_000;

const format = { format: exportFormatSchema.default('geojson') };
const areasQuery = queryObject({ ...format, level: areaLevelSchema.optional(), parent: idParam.optional(), bbox: bboxParam.optional() });
const householdsQuery = queryObject({ ...format, bbox: bboxParam.optional(), gridId: idParam.optional() });
const mediationPointsQuery = queryObject({ ...format, bbox: bboxParam.optional(), kind: commaListParam('kind', MEDIATION_KINDS).optional() });
const incidentsQuery = queryObject({
  ...format,
  bbox: bboxParam.optional(),
  from: isoDateParam('from').optional(),
  to: isoDateParam('to').optional(),
  kind: commaListParam('kind', INCIDENT_KINDS).optional(),
  status: commaListParam('status', INCIDENT_STATUSES).optional(),
  areaId: idParam.optional(),
}).superRefine(({ from, to }, ctx) => {
  if (from && to && from.start > to.start) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is after to' });
});

const AREA_COLUMNS = ['id', 'code', 'name', 'level', 'parentId', 'parentCode', 'households', 'residents', 'staff', 'openIncidents'];
const HOUSEHOLD_COLUMNS = ['id', 'gridId', 'gridCode', 'address', 'size', 'tags', 'headName', 'phone'];
const MEDIATION_POINT_COLUMNS = ['id', 'kind', 'level', 'areaId', 'areaCode', 'name', 'address', 'mediators', 'phone', 'disputeKinds', 'hours'];
const INCIDENT_COLUMNS = [
  'id', 'kind', 'status', 'severity', 'source', 'level', 'originLevel', 'description', 'gridId', 'gridCode',
  'householdId', 'mediationPointId', 'referredTo', 'reportedAt', 'deadlineAt', 'resolvedAt', 'closedAt', 'overdue',
];

/**
 * Every layer, whole or filtered with the same query parameters as its list route (without
 * paging), as GeoJSON, CSV (UTF-8 with BOM) or a zipped Shapefile (`format=geojson|csv|shp`).
 * Households are exported as the API shows them: names and phones masked, no key-group tags.
 * Areas carry their parent's code and points their area's code, so that an export can be
 * imported into another GridMap as it is.
 */
export function layerExportsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/areas', validate('query', areasQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'parent', q.parent);
      if (q.parent !== undefined) requireInScope(c, db, q.parent, 'parent');
      const within = scopeAreaId(c) ?? undefined;
      const codes = areaCodes(db);
      const rows: ExportRow[] = listAreas(db, { level: q.level, parentId: q.parent, bbox: q.bbox, within }).map((a) => ({
        properties: { ...pick(a.properties, AREA_COLUMNS), parentCode: a.properties.parentId === null ? null : (codes.get(a.properties.parentId) ?? null) },
        geometry: JSON.parse(a.geometryJson),
      }));
      const name = `gridmap-areas${q.level ? `-${q.level}` : ''}`;
      return send(c, encodeExport(q.format, name, 'polygon', AREA_COLUMNS, rows));
    })
    .get('/households', validate('query', householdsQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'gridId', q.gridId, 'grid');
      const within = scopedAreaFilter(c, db, 'gridId', q.gridId) ?? undefined;
      const codes = areaCodes(db);
      // Exports are masked for every role: a file leaves the system and its audit trail.
      const rows = allPages((page) => listHouseholds(db, { bbox: q.bbox, gridId: q.gridId, within }, page)).map((h) => ({
        properties: { ...publicHousehold(h), gridCode: codes.get(h.gridId) ?? null },
        geometry: point(h),
      }));
      return send(c, encodeExport(q.format, 'gridmap-households', 'point', HOUSEHOLD_COLUMNS, rows));
    })
    .get('/mediation-points', validate('query', mediationPointsQuery), (c) => {
      const q = c.req.valid('query');
      const codes = areaCodes(db);
      const rows = allPages((page) => listMediationPoints(db, { bbox: q.bbox, kinds: q.kind }, page)).map(({ lon, lat, hours, ...m }) => ({
        properties: { ...m, areaCode: codes.get(m.areaId) ?? null, hours: JSON.stringify(hours) },
        geometry: point({ lon, lat }),
      }));
      return send(c, encodeExport(q.format, 'gridmap-mediation-points', 'point', MEDIATION_POINT_COLUMNS, rows));
    })
    .get('/incidents', validate('query', incidentsQuery), (c) => {
      const q = c.req.valid('query');
      requireArea(db, 'areaId', q.areaId);
      const areaId = scopedAreaFilter(c, db, 'areaId', q.areaId) ?? undefined;
      const codes = areaCodes(db);
      const filter = {
        bbox: q.bbox,
        from: q.from && new Date(q.from.start).toISOString(),
        to: q.to && new Date(q.to.end).toISOString(),
        kinds: q.kind,
        statuses: q.status,
        areaId,
      };
      const now = config.now();
      const rows = allPages((page) => listIncidents(db, filter, page, now)).map(({ lon, lat, ...i }) => ({
        properties: { ...i, gridCode: codes.get(i.gridId) ?? null },
        geometry: point({ lon, lat }),
      }));
      return send(c, encodeExport(q.format, 'gridmap-incidents', 'point', INCIDENT_COLUMNS, rows));
    });
}

/** Every row of a paged list, page after page. */
function allPages<T>(list: (page: PageRequest) => Page<T>): T[] {
  const rows: T[] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = list({ limit: EXPORT_PAGE_ROWS, afterId });
    rows.push(...page.items);
    if (page.nextAfterId === null) return rows;
    afterId = page.nextAfterId;
  }
}

function point(p: { lon: number; lat: number }) {
  return { type: 'Point' as const, coordinates: [p.lon, p.lat] };
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, ExportRow['properties'][string]> {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k] as ExportRow['properties'][string]]));
}

function send(c: Context<AppEnv>, out: ReturnType<typeof encodeExport>): Response {
  c.header('Content-Type', out.contentType);
  c.header('Content-Disposition', `attachment; filename="${out.fileName}"`);
  return c.body(typeof out.body === 'string' ? out.body : (out.body as Uint8Array<ArrayBuffer>));
}
