import type { Health } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { readHealth } from '../db/health-sql.ts';
import type { AppEnv } from '../http/app-env.ts';

export function healthRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) => {
    const health: Health = { ...readHealth(db), serverTime: config.now().toISOString() };
    return c.json(health);
  });
}
