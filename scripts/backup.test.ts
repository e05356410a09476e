import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { spawnServer } from './lib/spawn-server.ts';
import { signIn, type ApiSession } from './lib/api-session.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

/** What "the same data" means here: every incident with its status and version, and every event. */
function fingerprint(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      incidents: db.prepare('SELECT id, status, version, grid_id FROM incidents ORDER BY id').all(),
      events: db.prepare('SELECT id, incident_id, kind FROM incident_events ORDER BY id').all(),
      areas: db.prepare('SELECT count(*) AS n, sum(households) AS h FROM areas').get(),
    };
  } finally {
    db.close();
  }
}

async function post(api: ApiSession, lon: number, lat: number) {
  return api.fetch('/api/incidents', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'debt', description: '借款纠纷', location: { lon, lat }, source: 'walk_in', severity: 1, actor: '备份测试' }),
  });
}

describe('backup and restore', () => {
  it('backs up a running, writing server into a consistent copy, and restoring gives the same data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridmap-backup-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const live = join(dir, 'live.sqlite');
    const server = await spawnServer({ DATABASE: live, DEMO_SIZE: '0.01', DEMO_SEED: '5' });
    cleanups.push(() => server.stop());
    const api = await signIn(server.url, 'county');
    const grids = await api.getJson<{ features: { properties: { labelLon: number; labelLat: number } }[] }>('/api/areas?level=grid');
    const { labelLon, labelLat } = grids.features[0].properties;

    // Writes go on while the backup is taken.
    let writing = true;
    const writer = (async () => {
      while (writing) await post(api, labelLon, labelLat);
    })();
    await post(api, labelLon, labelLat);
    const during = backupDatabase(live, join(dir, 'during.sqlite'));
    writing = false;
    await writer;
    expect(during.integrity).toBe('ok');
    // A snapshot: every incident in it has its report event, nothing half-written.
    const snapshot = fingerprint(join(dir, 'during.sqlite'));
    const reported = new Set(snapshot.events.filter((e: any) => e.kind === 'report').map((e: any) => e.incident_id));
    expect(snapshot.incidents.every((i: any) => reported.has(i.id))).toBe(true);

    // Quiet now: a backup equals the live database, and restoring it gives the same data.
    const quiet = join(dir, 'quiet.sqlite');
    expect(backupDatabase(live, quiet).integrity).toBe('ok');
    await server.stop();
    const before = fingerprint(live);
    expect(fingerprint(quiet)).toEqual(before);
    expect(() => backupDatabase(live, quiet)).toThrow('exists');

    const restored = join(dir, 'restored.sqlite');
    restoreDatabase(quiet, restored);
    expect(fingerprint(restored)).toEqual(before);
    const again = await spawnServer({ DATABASE: restored });
    cleanups.push(() => again.stop());
    const last = (before.incidents as { id: number }[]).at(-1)!.id;
    expect((await (await signIn(again.url, 'county')).fetch(`/api/incidents/${last}`)).status).toBe(200);
  });
});
