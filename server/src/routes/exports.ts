import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { allIncidentsSorted, countIncidents, type IncidentListFilter } from '../db/incident-list-sql.ts';
import type { Db } from '../db/open-db.ts';
import { areaNames } from '../db/stats-sql.ts';
import { ApiError } from '../errors/api-error.ts';
import { csvLine, UTF8_BOM } from '../exports/csv.ts';
import type { AppEnv } from '../http/app-env.ts';
import { scopeAreaId } from '../auth/scope.ts';
import { GEOJSON_CONTENT_TYPE, pointFeature } from '../http/feature-collection.ts';
import { incidentExportQuery, incidentListFilter } from '../http/incident-list-query.ts';
import { validate } from '../http/validate.ts';
import { incidentProperties } from '../incidents/incident-feature.ts';

/**
 * Most incidents one export carries: the full demo county's two years (~62,000) fit; a
 * province's selection must be narrowed (by area or period) rather than built in memory.
 */
export const MAX_EXPORT_ROWS = 200_000;

/** Columns of the CSV: the stored codes (the same as the API's), then the places by name. */
const CSV_COLUMNS = [
  'id', 'kind', 'status', 'severity', 'source', 'level', 'originLevel', 'overdue', 'reportedAt', 'deadlineAt',
  'resolvedAt', 'closedAt', 'referredTo', 'town', 'community', 'grid', 'gridId', 'lon', 'lat', 'description',
] as const;

function checkSize(db: Db, filter: IncidentListFilter, now: Date): void {
  const n = countIncidents(db, filter, now);
  if (n > MAX_EXPORT_ROWS) {
    throw new ApiError('payload_too_large', `the selection holds ${n} incidents, more than ${MAX_EXPORT_ROWS} per export: narrow it by area or period`);
  }
}

/** `attachment; filename=…` with the county day, so that saved exports sort by date. */
function attachment(extension: string, now: Date): string {
  return `attachment; filename="incidents-${now.toISOString().slice(0, 10)}.${extension}"`;
}

/** `GET /api/exports/incidents.csv|.geojson`: the list's selection, whole, as a file. */
export function exportsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/incidents.csv', validate('query', incidentExportQuery), (c) => {
      const q = c.req.valid('query');
      const now = config.now();
      const filter = incidentListFilter(db, q, scopeAreaId(c));
      checkSize(db, filter, now);
      const names = areaNames(db);
      const nameOf = (id: number | null | undefined) => (id == null ? null : (names.get(id) ?? null));
      const parts = [UTF8_BOM, csvLine(CSV_COLUMNS)];
      for (const i of allIncidentsSorted(db, filter, q.sort, now)) {
        const grid = nameOf(i.gridId);
        const community = nameOf(grid?.parentId);
        const town = nameOf(community?.parentId);
        parts.push(
          csvLine([
            i.id, i.kind, i.status, i.severity, i.source, i.level, i.originLevel, i.overdue, i.reportedAt, i.deadlineAt,
            i.resolvedAt, i.closedAt, i.referredTo, town?.name ?? null, community?.name ?? null, grid?.name ?? null, i.gridId,
            i.lon, i.lat, i.description,
          ]),
        );
      }
      return c.body(parts.join(''), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment('csv', now),
      });
    })
    .get('/incidents.geojson', validate('query', incidentExportQuery), (c) => {
      const q = c.req.valid('query');
      const now = config.now();
      const filter = incidentListFilter(db, q, scopeAreaId(c));
      checkSize(db, filter, now);
      const features = allIncidentsSorted(db, filter, q.sort, now).map((row) => pointFeature(row, incidentProperties));
      return c.body(JSON.stringify({ type: 'FeatureCollection', features, numberMatched: features.length }), 200, {
        'Content-Type': GEOJSON_CONTENT_TYPE,
        'Content-Disposition': attachment('geojson', now),
      });
    });
}
