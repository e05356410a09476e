import type { Health } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { readHealth } from '../db/health-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { scopeAreaId } from '../auth/scope.ts';

export function healthRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) => {
    // Open to probes without a session; the counts are statistics, so only a signed-in caller gets them, for its own area.
    const health: Health = { ...readHealth(db, c.get('session') ? scopeAreaId(c) : undefined), serverTime: config.now().toISOString() };
    return c.json(health);
  });
}
