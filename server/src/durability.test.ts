import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../../scripts/lib/spawn-server.ts';
import { signIn, type ApiSession } from '../../scripts/lib/api-session.ts';
import { openSse } from './test/sse-client.ts';

// The real server as a child process over a real SQLite file, killed the hard way and the soft way.

/** A small county: the point is the writes, not the data. */
const SIZE = '0.01';
/** Writers posting at once, and the acknowledged writes to wait for before the kill (they go on writing). */
const WRITERS = 4;
const WRITES_BEFORE_KILL = 40;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function start(dir: string): Promise<ServerProcess> {
  const server = await spawnServer({ DATABASE: join(dir, 'db.sqlite'), DEMO_SIZE: SIZE, DEMO_SEED: '3' });
  cleanups.push(() => server.stop());
  return server;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-durability-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function places(api: ApiSession): Promise<[number, number][]> {
  const grids = await api.getJson<{ features: { properties: { labelLon: number; labelLat: number } }[] }>('/api/areas?level=grid');
  return grids.features.map((f) => [f.properties.labelLon, f.properties.labelLat]);
}

describe('durability', () => {
  it('keeps every acknowledged write across a SIGKILL in the middle of a stream of writes', async () => {
    const dir = tempDir();
    const server = await start(dir);
    const api = await signIn(server.url, 'county');
    const where = await places(api);
    const acknowledged: { id: number; accepted: boolean }[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let n = 0; writing; n++) {
        const [lon, lat] = where[(w * 31 + n) % where.length];
        try {
          const res = await api.fetch('/api/incidents', {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ kind: 'neighbour', description: `写入 ${w}-${n}`, location: { lon, lat }, source: 'patrol', severity: 1, actor: `w${w}` }),
          });
          if (res.status !== 201) continue;
          const { id } = (await res.json()) as { id: number };
          const entry = { id, accepted: false };
          acknowledged.push(entry);
          const step = await api.fetch(`/api/incidents/${id}/transitions`, {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ transition: 'accept', actor: `w${w}`, expectedVersion: 1 }),
          });
          if (step.status === 200) entry.accepted = true;
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    while (acknowledged.length < WRITES_BEFORE_KILL) await new Promise((r) => setTimeout(r, 10));
    expect(await server.kill('SIGKILL')).toBeNull();
    writing = false;
    await writers;

    // Straight from the file, before any server touches it again.
    const db = new Database(join(dir, 'db.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT status, version, (SELECT count(*) FROM incident_events e WHERE e.incident_id = i.id) AS events FROM incidents i WHERE id = ?');
      for (const { id, accepted } of acknowledged) {
        const stored = row.get(id) as { status: string; version: number; events: number } | undefined;
        expect(stored, `incident ${id}`).toBeDefined();
        if (accepted) expect(stored).toEqual({ status: 'accepted', version: 2, events: 2 });
        else expect(stored!.events).toBe(stored!.version);
      }
    } finally {
      db.close();
    }

    // And the restarted server serves them.
    const again = await start(dir);
    const last = acknowledged.at(-1)!;
    expect((await (await signIn(again.url, 'county')).fetch(`/api/incidents/${last.id}`)).status).toBe(200);
  });

  it('ends the live streams and exits cleanly on SIGTERM', async () => {
    const server = await start(tempDir());
    const client = await openSse(`${server.url}/api/live`, (await signIn(server.url, 'county')).headers);
    expect((await client.next()).event).toBe('hello');
    const exit = server.kill('SIGTERM');
    await expect(client.next(3_000)).rejects.toThrow('stream ended');
    expect(await exit).toBe(0);
  });
});
