import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE } from '@gridmap/shared/demo/demo-defaults';
import { createApp } from './app.ts';
import { openDatabase } from './db/open-db.ts';
import { hasAreas, seedCounty } from './db/seed-sql.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_PORT = 8080;
/** How long in-flight requests may take to finish on SIGINT/SIGTERM, in milliseconds. */
const SHUTDOWN_GRACE_MS = 2_000;

/** Opens (and on first start seeds) the database, then serves the API and the web app. */
async function main(): Promise<void> {
  const env = process.env;
  const databasePath = resolve(env.DATABASE ?? join(REPO_ROOT, 'data', 'gridmap.sqlite'));
  const port = positiveNumber('PORT', env.PORT) ?? DEFAULT_PORT;
  const webDist = resolve(env.WEB_DIST ?? join(REPO_ROOT, 'web', 'dist'));

  let t = performance.now();
  mkdirSync(dirname(databasePath), { recursive: true });
  const db = openDatabase(databasePath);
  console.log(`Database ${databasePath} open in ${ms(t)}`);

  if (!hasAreas(db)) {
    const seed = positiveNumber('DEMO_SEED', env.DEMO_SEED) ?? DEFAULT_DEMO_SEED;
    const size = positiveNumber('DEMO_SIZE', env.DEMO_SIZE) ?? DEFAULT_DEMO_SIZE;
    console.log(`Empty database: generating the demo county (seed ${seed}, size ${size}) …`);
    t = performance.now();
    // Loaded only here: a later start with a seeded database skips the generator entirely.
    const { loadCountyOutline } = await import('./demo/load-outline.ts');
    const { generateCounty } = await import('@gridmap/shared/demo/generate-county');
    const outline = await loadCountyOutline();
    const data = await generateCounty({ outline, seed, size, now: new Date().toISOString() });
    console.log(`Generated ${data.areas.length} areas, ${data.households.length} households, ` +
      `${data.incidents.length} incidents in ${ms(t)}`);
    t = performance.now();
    seedCounty(db, data);
    console.log(`Seeded in ${ms(t)}`);
  }

  t = performance.now();
  const app = createApp({
    db,
    config: { basemapStyleUrl: env.BASEMAP_STYLE_URL || null, webDist, now: () => new Date() },
  });
  console.log(`Tile indexes built in ${ms(t)}`);

  const server = serve({ fetch: app.fetch, port }, (info) => {
    console.log(`GridMap ready on http://localhost:${info.port}`);
  });
  const stop = () => {
    const exit = () => {
      if (db.open) db.close();
      process.exit(0);
    };
    server.close(exit);
    // Idle keep-alive sockets (a browser tab) would hold close() open for their timeout.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(exit, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got '${value}'`);
  return n;
}

function ms(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
