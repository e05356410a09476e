import { mkdirSync } from 'node:fs';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { withTileListener } from './http/tile-listener.ts';
import { fastTileAnswerer } from './routes/tiles.ts';
import { createTileService } from './tiles/tile-service.ts';
import { LiveHub } from './live/live-hub.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from './auth/demo-accounts.ts';
import { accountCount } from './db/accounts-sql.ts';
import { openDatabase } from './db/open-db.ts';
import { hasAreas, seedCounty } from './db/seed-sql.ts';
import { readServerSettings } from './server-settings.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** How long in-flight requests may take to finish on SIGINT/SIGTERM, in milliseconds. */
const SHUTDOWN_GRACE_MS = 2_000;

/** Opens (and on first start seeds) the database, then serves the API and the web app. */
async function main(): Promise<void> {
  const { databasePath, port, webDist, basemapStyleUrl, demoSeed: seed, demoSize: size, areaTiles, tileCachePath } =
    readServerSettings(process.env, REPO_ROOT);

  let t = performance.now();
  mkdirSync(dirname(databasePath), { recursive: true });
  const db = openDatabase(databasePath);
  console.log(`Database ${databasePath} open in ${ms(t)}`);

  if (!hasAreas(db)) {
    console.log(`Empty database: generating the demo county (seed ${seed}, size ${size}) …`);
    t = performance.now();
    // Loaded only here: a later start with a seeded database skips the generator entirely.
    const { loadCountyOutline } = await import('./demo/load-outline.ts');
    const { generateCounty } = await import('@gridmap/shared/demo/generate-county');
    const outline = loadCountyOutline();
    const data = generateCounty({ outline, seed, size, now: new Date().toISOString() });
    console.log(`Generated ${data.areas.length} areas, ${data.households.length} households, ` +
      `${data.incidents.length} incidents in ${ms(t)}`);
    t = performance.now();
    seedCounty(db, data);
    console.log(`Seeded in ${ms(t)}`);
  }
  // Demo accounts, once, in a demo database (README lists them).
  const demo = db.prepare("SELECT value FROM meta WHERE key = 'demo'").pluck().get() === 'true';
  if (demo) {
    const made = await seedDemoAccounts(db, new Date());
    if (made.length > 0) console.log(`Demo accounts: ${made.join(', ')} (password ${DEMO_PASSWORD})`);
  }
  // Every route but sign-in and health needs a session: a database without accounts answers no one.
  if (accountCount(db) === 0) {
    console.warn('No accounts yet, so no one can sign in. Make an administrator: ' +
      `pnpm account -- add --database ${databasePath} --username admin --role admin --password '<at least 10 characters>'`);
  }

  t = performance.now();
  const live = new LiveHub();
  const config = { basemapStyleUrl, webDist, now: () => new Date(), areaTiles, tileCachePath };
  const tiles = createTileService(db, config.now, { diskCachePath: tileCachePath });
  const app = createApp({ db, live, tiles, config });
  console.log(`Tile indexes built in ${ms(t)}`);

  // Tile GETs are answered in Node's listener, before Hono (http/tile-listener.ts).
  const answerTile = fastTileAnswerer({ db, config, tiles });
  const server = serve({
    fetch: app.fetch,
    port,
    createServer: ((options: ServerOptions, listener: RequestListener) => createServer(options, withTileListener(answerTile, listener))) as typeof createServer,
  }, (info) => {
    console.log(`GridMap ready on http://localhost:${info.port}`);
  });
  // SIGTERM/SIGINT: stop accepting, end the live streams (their browsers reconnect and are
  // replayed from Last-Event-ID), let in-flight requests finish, then close the database, so
  // that the WAL is checkpointed and nothing acknowledged is lost.
  const stop = () => {
    const exit = () => {
      if (db.open) db.close();
      process.exit(0);
    };
    server.close(exit);
    live.closeAll();
    // Idle keep-alive sockets (a browser tab) would hold close() open for their timeout.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(exit, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function ms(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
