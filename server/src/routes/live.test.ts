import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { liveIncidentMessageSchema, type IncidentIntake } from '@gridmap/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase } from '../db/open-db.ts';
import { LiveHub } from '../live/live-hub.ts';
import { openSse } from '../test/sse-client.ts';
import { createTestApp, openTestSession, signedIn } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

const INTAKE: IncidentIntake = {
  kind: 'family', description: '赡养纠纷', location: { lon: 120.15, lat: 29.15 }, source: 'walk_in', severity: 1, actor: '值班员',
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

/** The app over `dbPath` (or a fresh tiny county) served on a real loopback port. */
async function startLive(options: { dbPath?: string; now?: string } = {}) {
  const now = options.now ?? TINY_NOW;
  let db;
  let dbPath = options.dbPath;
  if (dbPath === undefined) {
    const t = createTestApp(tinyCounty(), now);
    cleanups.push(t.close);
    db = t.db;
    dbPath = join(t.dir, 'test.sqlite');
  } else {
    db = openDatabase(dbPath);
  }
  const live = new LiveHub();
  // A stream scoped to the whole county; the scope tests open their own sessions (incident-scope.test.ts).
  const app = signedIn(createApp({ db, live, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(now) } }), openTestSession(db, 'admin', new Date(now)));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    if (options.dbPath !== undefined && db.open) db.close();
  };
  cleanups.push(stop);
  const post = async (path: string, body: unknown) => {
    const res = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { url, live, dbPath, post, stop };
}

async function sse(url: string, headers?: Record<string, string>) {
  const client = await openSse(`${url}/api/live`, headers);
  cleanups.push(client.close);
  return client;
}

describe('GET /api/live', () => {
  it('greets a new client with the newest event id, then carries every new incident to every client', async () => {
    const s = await startLive();
    const a = await sse(s.url);
    const b = await sse(s.url);
    expect(a.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(a.headers.get('content-encoding')).toBeNull();
    const hello = await a.next();
    expect(hello.event).toBe('hello');
    await b.next();
    const created = await s.post('/api/incidents', INTAKE);
    expect(created.status).toBe(201);
    for (const client of [a, b]) {
      const frame = await client.next();
      expect(frame.event).toBe('incident');
      const message = liveIncidentMessageSchema.parse(JSON.parse(frame.data));
      expect(Number(frame.id)).toBe(message.event.id);
      expect(Number(frame.id)).toBe(JSON.parse(hello.data).lastEventId + 1);
      expect(message.event.kind).toBe('report');
      expect(message.incident.id).toBe(created.body.id);
      expect(message.incident.properties.gridId).toBe(7);
    }
  });

  it('carries transitions, with the incident after them', async () => {
    const s = await startLive();
    const client = await sse(s.url);
    await client.next();
    await s.post('/api/incidents/1/transitions', { transition: 'accept', actor: '李', expectedVersion: 1 });
    const message = liveIncidentMessageSchema.parse(JSON.parse((await client.next()).data));
    expect(message.event).toMatchObject({ kind: 'accept', fromStatus: 'reported', toStatus: 'accepted', actor: '李' });
    expect(message.incident.properties).toMatchObject({ id: 1, status: 'accepted', version: 2 });
  });

  it('replays what a reconnecting client missed, in order, then goes on live', async () => {
    const s = await startLive();
    const first = await sse(s.url);
    const lastSeen = (await first.next()).id!;
    await first.close();
    const { body } = await s.post('/api/incidents', INTAKE);
    await s.post(`/api/incidents/${body.id}/transitions`, { transition: 'accept', actor: '李', expectedVersion: 1 });
    const again = await sse(s.url, { 'Last-Event-ID': lastSeen });
    const missed = [await again.next(), await again.next()].map((f) => liveIncidentMessageSchema.parse(JSON.parse(f.data)));
    expect(missed.map((m) => m.event.kind)).toEqual(['report', 'accept']);
    // Replayed messages carry the incident as it is now.
    expect(missed.map((m) => m.incident.properties.status)).toEqual(['accepted', 'accepted']);
    await s.post(`/api/incidents/${body.id}/transitions`, { transition: 'escalate', reason: '急', actor: '李', expectedVersion: 2 });
    expect(JSON.parse((await again.next()).data).event.kind).toBe('escalate');
    expect(again.pending()).toBe(0);
  });

  /** A client sees the hello, then drops; an incident is reported; the server stops. */
  async function missOneThenStop() {
    const s = await startLive();
    const client = await sse(s.url);
    const lastSeen = (await client.next()).id!;
    await client.close();
    await s.post('/api/incidents', INTAKE);
    await s.stop();
    return { dbPath: s.dbPath, lastSeen };
  }

  it('replays across a server restart', async () => {
    const { dbPath, lastSeen } = await missOneThenStop();
    const restarted = await startLive({ dbPath });
    const again = await sse(restarted.url, { 'Last-Event-ID': lastSeen });
    const frame = await again.next();
    expect(frame.event).toBe('incident');
    expect(Number(frame.id)).toBe(Number(lastSeen) + 1);
  });

  it('tells a client whose gap is older than the replay window to reload', async () => {
    const { dbPath, lastSeen } = await missOneThenStop();
    const dayLater = new Date(Date.parse(TINY_NOW) + 25 * 3_600_000).toISOString();
    const later = await startLive({ dbPath, now: dayLater });
    const frame = await (await sse(later.url, { 'Last-Event-ID': lastSeen })).next();
    expect(frame.event).toBe('reset');
    expect(JSON.parse(frame.data).reason).toBe('outside_window');
    expect(Number(frame.id)).toBe(Number(lastSeen) + 1);
  });

  it('forgets a client that goes away', async () => {
    const s = await startLive();
    const client = await sse(s.url);
    await client.next();
    expect(s.live.clientCount()).toBe(1);
    await client.close();
    for (let i = 0; i < 50 && s.live.clientCount() > 0; i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(s.live.clientCount()).toBe(0);
  });

  it('lists the newest events first on /recent, each with its incident', async () => {
    const s = await startLive();
    const { body } = await s.post('/api/incidents', INTAKE);
    await s.post(`/api/incidents/${body.id}/transitions`, { transition: 'accept', actor: '李', expectedVersion: 1 });
    const res = await fetch(`${s.url}/api/live/recent?limit=3`);
    const recent = liveIncidentMessageSchema.array().parse(await res.json());
    expect(recent).toHaveLength(3);
    expect(recent.slice(0, 2).map((m) => [m.event.kind, m.incident.id])).toEqual([['accept', body.id], ['report', body.id]]);
    expect(recent[0].event.id).toBeGreaterThan(recent[1].event.id);
    expect(recent[1].event.id).toBeGreaterThan(recent[2].event.id);
    expect(recent.map((m) => m.incident.properties.status).slice(0, 2)).toEqual(['accepted', 'accepted']);
  });

  it('answers 400 for a malformed Last-Event-ID or an unknown parameter', async () => {
    const s = await startLive();
    const bad = await fetch(`${s.url}/api/live`, { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).field).toBe('Last-Event-ID');
    const unknown = await fetch(`${s.url}/api/live?since=3`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).field).toBe('since');
  });
});
