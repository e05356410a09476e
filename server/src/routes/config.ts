import type { ClientConfig } from '@gridmap/shared';
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/app-env.ts';

/** What the web app needs to know about this deployment. */
export function configRoutes({ config }: AppDeps) {
  const client: ClientConfig = { basemapStyleUrl: config.basemapStyleUrl };
  return new Hono<AppEnv>().get('/', (c) => c.json(client));
}
