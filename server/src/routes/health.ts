import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import { readHealth } from '../db/health-sql.ts';
import type { AppEnv } from '../http/app-env.ts';

export function healthRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) => c.json(readHealth(db)));
}
