import { WARNING_TYPES, type WarningList } from '@gridmap/shared';
import { earlyWarnings } from '@gridmap/shared/hotspots/early-warnings';
import * as thresholds from '@gridmap/shared/hotspots/warning-thresholds';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { householdPlaces, loadAnalysisIncidents, loadGridCells } from '../db/hotspots-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { scopedAnalysis } from '../auth/scoped-analysis.ts';
import { commaListParam, queryObject } from '../http/query-params.ts';
import { validate } from '../http/validate.ts';
import { gridStudyAreaFor } from '../hotspots/study-areas.ts';

const warningQuery = queryObject({
  type: commaListParam('type', WARNING_TYPES).optional(),
});

/**
 * `GET /api/warnings`: early warnings (研判预警) at the server's now, newest first: rising
 * grids, emerging hot spots, repeat addresses, cases near their deadline. Reasons are codes and
 * figures; the web app words them in the user's language.
 */
export function warningsRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>().get('/', validate('query', warningQuery), (c) => {
    const { type } = c.req.valid('query');
    const now = config.now();
    const scoped = scopedAnalysis(c, db);
    const incidents = scoped.incidents(loadAnalysisIncidents(db));
    const area = gridStudyAreaFor(incidents, scoped.gridCells(loadGridCells(db)));
    const { grids } = area;
    const found = earlyWarnings(
      {
        id: incidents.id,
        grid: area.cellOfPoint,
        householdId: incidents.householdId,
        reportedMs: incidents.reportedMs,
        deadlineMs: incidents.deadlineMs,
        open: incidents.open,
      },
      { ids: grids.ids, neighbourhood: area.neighbourhood },
      now.getTime(),
    ).filter((w) => !type || type.includes(w.type));
    const households = householdPlaces(db, found.flatMap((w) => (w.householdId === null ? [] : [w.householdId])));
    const rowOfIncident = new Map<number, number>();
    for (const w of found) if (w.type === 'near_deadline') rowOfIncident.set(w.incidentIds[0], -1);
    if (rowOfIncident.size > 0) for (let i = 0; i < incidents.count; i++) if (rowOfIncident.has(incidents.id[i])) rowOfIncident.set(incidents.id[i], i);
    const gridIndex = new Map(grids.ids.map((id, i) => [id, i]));
    const body: WarningList = {
      generatedAt: now.toISOString(),
      thresholds: Object.fromEntries(Object.entries(thresholds).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
      warnings: found.map((w) => {
        const g = gridIndex.get(w.gridId)!;
        const household = w.householdId === null ? undefined : households.get(w.householdId);
        const row = w.type === 'near_deadline' ? rowOfIncident.get(w.incidentIds[0])! : -1;
        const [lon, lat] = household
          ? [household.lon, household.lat]
          : row >= 0
            ? [incidents.lon[row], incidents.lat[row]]
            : [grids.labelLon[g], grids.labelLat[g]];
        return {
          ...w,
          gridName: grids.names[g],
          place: grids.places[g],
          address: household?.address ?? null,
          lon,
          lat,
        };
      }),
    };
    return c.json(body);
  });
}
