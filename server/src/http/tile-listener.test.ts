import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { fastTileAnswerer } from '../routes/tiles.ts';
import { decodeTile, tileOf } from '../test/decode-tile.ts';
import { openTestSession } from '../test/signed-in-app.ts';
import { useTempDatabases } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';
import { createTileService } from '../tiles/tile-service.ts';
import { withTileListener } from './tile-listener.ts';

const temps = useTempDatabases();
let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** The real server's listener (main.ts) over the tiny county, listening on a free port. */
async function listen() {
  const { db } = temps.create();
  seedCounty(db, tinyCounty());
  const config = { basemapStyleUrl: null, webDist: null, now: () => new Date(TINY_NOW) };
  const tiles = createTileService(db, config.now);
  const app = createApp({ db, config, tiles });
  server = createServer(withTileListener(fastTileAnswerer({ db, config, tiles }), getRequestListener(app.fetch)));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const cookie = openTestSession(db, 'admin', config.now()).headers.Cookie;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cookie };
}

const { x, y } = tileOf(120.02, 29.02, 16);
const path = `/api/tiles/households/16/${x}/${y}.mvt`;

describe('withTileListener', () => {
  it('sends a signed-in tile gzip-encoded with its ETag and Cache-Control, and 304 for the ETag held', async () => {
    const { url, cookie } = await listen();
    const res = await fetch(url + path, { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('private, max-age=60');
    expect(decodeTile(new Uint8Array(await res.arrayBuffer())).households.length).toBeGreaterThan(0);
    const again = await fetch(url + path, { headers: { cookie, 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('leaves a tile asked for without a session to the app, which answers 401 with a request id', async () => {
    const { url } = await listen();
    const res = await fetch(url + path);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { requestId: string }).requestId).toBe(res.headers.get('x-request-id'));
  });

  it('leaves anything but a plain tile GET to the app', async () => {
    const { url, cookie } = await listen();
    expect((await fetch(`${url}${path}?v=1`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(url + path, { method: 'HEAD', headers: { cookie } })).status).toBe(200);
    const bad = await fetch(`${url}/api/tiles/households/19/0/0.mvt`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('z');
  });
});
