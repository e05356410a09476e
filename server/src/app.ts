import { Hono } from 'hono';
import { gzipBody } from './http/gzip-body.ts';
import type { AppConfig } from './app-config.ts';
import type { Db } from './db/open-db.ts';
import { ApiError } from './errors/api-error.ts';
import { onError } from './errors/on-error.ts';
import type { AppEnv } from './http/app-env.ts';
import { requestId } from './http/request-id.ts';
import { sessionContext } from './auth/session-context.ts';
import { requireSession } from './auth/require-session.ts';
import { auditWrites } from './auth/audit-writes.ts';
import { sessionRoutes } from './routes/session.ts';
import { auditRoutes } from './routes/audit.ts';
import { areaStatsRoutes } from './routes/area-stats.ts';
import { areaStaffRoutes } from './routes/area-staff.ts';
import { areasRoutes } from './routes/areas.ts';
import { gridVersionsRoutes } from './routes/grid-versions.ts';
import { plansRoutes } from './routes/plans.ts';
import { configRoutes } from './routes/config.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { exportsRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { heatRoutes } from './routes/heat.ts';
import { hotspotsRoutes } from './routes/hotspots.ts';
import { householdsRoutes } from './routes/households.ts';
import { importsRoutes } from './routes/imports.ts';
import { incidentsRoutes } from './routes/incidents.ts';
import { layerExportsRoutes } from './routes/layer-exports.ts';
import { liveRoutes } from './routes/live.ts';
import { mediationPointsRoutes } from './routes/mediation-points.ts';
import { nearestMediationRoutes } from './routes/nearest-mediation.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { tileFastPath, tilesRoutes } from './routes/tiles.ts';
import { warningsRoutes } from './routes/warnings.ts';
import { webAppRoutes } from './routes/web-app.ts';
import { CoverageService } from './mediation/coverage-service.ts';
import { MediationIndexHolder } from './mediation/mediation-index-holder.ts';
import { LiveHub } from './live/live-hub.ts';
import { createTileService, type TileService } from './tiles/tile-service.ts';

export type { AppConfig } from './app-config.ts';

export interface AppDeps {
  db: Db;
  config: AppConfig;
  /** The tile indexes; built from `db` when not given. */
  tiles?: TileService;
  /** The live stream's fan-out; a new one when not given. */
  live?: LiveHub;
}

/** The whole HTTP app over an open database; no listening, so tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const tiles = deps.tiles ?? createTileService(deps.db, deps.config.now, { diskCachePath: deps.config.tileCachePath });
  const live = deps.live ?? new LiveHub();
  // Tiles show incidents' statuses: a change drops exactly the incident tiles that hold it.
  live.onPublish((change) => tiles.incidentWritten(change.incident));
  // Issue 5: the nearest index of mediation points, and coverage built on it.
  const mediation = new MediationIndexHolder(deps.db);
  const coverage = new CoverageService(deps.db, mediation);
  const app = new Hono<AppEnv>();
  // Signed-in tile GETs skip the generic middleware (see tileFastPath); the rest fall through to it.
  app.get('/api/tiles/*', tileFastPath({ ...deps, tiles }));
  app.use('*', requestId);
  app.use('/api/*', sessionContext(deps));
  app.use('/api/*', requireSession);
  app.use('/api/*', auditWrites(deps));
  // Before compression: an event stream must reach the browser frame by frame.
  app.route('/api/live', liveRoutes({ ...deps, live }));
  // JSON and GeoJSON shrink 5–10×; tiles carry their own Content-Encoding and are left alone.
  app.use('/api/*', gzipBody);
  app.route('/api/health', healthRoutes(deps));
  app.route('/api/session', sessionRoutes(deps));
  app.route('/api/audit', auditRoutes(deps));
  app.route('/api/config', configRoutes(deps));
  app.route('/api/areas', areaStatsRoutes(deps));
  app.route('/api/areas', areasRoutes(deps));
  app.route('/api/areas', areaStaffRoutes(deps)); // the planner (issue 6)
  app.route('/api/plans', plansRoutes({ ...deps, tiles }));
  app.route('/api/grid-versions', gridVersionsRoutes(deps));
  app.route('/api/households', householdsRoutes(deps));
  app.route('/api/incidents', nearestMediationRoutes({ ...deps, mediation }));
  app.route('/api/incidents', incidentsRoutes({ ...deps, live }));
  app.route('/api/mediation-points', mediationPointsRoutes({ ...deps, mediation }));
  app.route('/api/coverage', coverageRoutes({ ...deps, coverage }));
  app.route('/api/exports', exportsRoutes(deps));
  app.route('/api/tiles', tilesRoutes({ ...deps, tiles }));
  app.route('/api/imports', importsRoutes({ ...deps, tiles }));
  app.route('/api/layer-exports', layerExportsRoutes(deps));
  app.route('/api/hotspots', hotspotsRoutes(deps));
  app.route('/api/heat', heatRoutes(deps));
  app.route('/api/warnings', warningsRoutes(deps));
  app.route('/api/openapi.json', openApiRoutes());
  app.all('/api/*', (c) => {
    throw new ApiError('not_found', `No route ${c.req.method} ${c.req.path}`);
  });
  app.route('/', webAppRoutes(deps.config.webDist));
  app.notFound((c) => c.text('Not found', 404));
  app.onError(onError);
  return app;
}
