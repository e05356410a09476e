import { describe, expect, it } from 'vitest';
import { createApp } from '@gridmap/server/app';
import { seedCounty } from '@gridmap/server/db/seed-sql';
import { useTempDatabases } from '@gridmap/server/test/test-app';
import { TINY_NOW, tinyCounty } from '@gridmap/server/test/tiny-county';
import { addAccount, parseAccountArgs } from './account.ts';

describe('parseAccountArgs', () => {
  it('reads an account to add, and refuses what would make a bad one', () => {
    expect(parseAccountArgs(['--', 'add', '--database', 'x.sqlite', '--username', '王芳', '--role', 'town_command', '--area', '330681101', '--password', 'long enough pw'], '/srv'))
      .toEqual({ database: '/srv/x.sqlite', username: '王芳', displayName: '王芳', role: 'town_command', area: '330681101', password: 'long enough pw' });
    expect(() => parseAccountArgs(['remove'], '/')).toThrow("the command must be 'add'");
    expect(() => parseAccountArgs(['add', '--username', 'a', '--role', 'boss', '--password', 'long enough pw'], '/')).toThrow('--role must be one of');
    expect(() => parseAccountArgs(['add', '--username', 'a', '--role', 'official', '--password', 'long enough pw'], '/')).toThrow('--area is required');
    expect(() => parseAccountArgs(['add', '--username', 'a', '--role', 'admin', '--password', 'short'], '/')).toThrow('--password must have at least');
  });
});

describe('addAccount', () => {
  const temps = useTempDatabases();

  it('makes an account that signs in and sees its area only, by id or code', async () => {
    const { db } = temps.create();
    seedCounty(db, tinyCounty());
    const code = db.prepare('SELECT code FROM areas WHERE id = 4').pluck().get() as string;
    await addAccount(db, { username: 'wang', displayName: '王芳', role: 'grid_worker', area: code, password: 'grid four pw' }, new Date(TINY_NOW));
    await expect(addAccount(db, { username: 'WANG', displayName: 'x', role: 'official', area: '4', password: 'another pw1' }, new Date(TINY_NOW))).rejects.toThrow('exists');
    await expect(addAccount(db, { username: 'li', displayName: 'x', role: 'official', area: '999999', password: 'another pw1' }, new Date(TINY_NOW))).rejects.toThrow('--area: no area');

    const app = createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(TINY_NOW) } });
    const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'wang', password: 'grid four pw' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie')!.split(';')[0];
    const areas = (await (await app.request('/api/areas', { headers: { Cookie: cookie } })).json()) as { features: { id: number }[] };
    expect(areas.features.map((f) => f.id)).toEqual([4]);
  });

  it('makes an administrator of the whole database before any area exists', async () => {
    const { db } = temps.create();
    await addAccount(db, { username: 'root', displayName: 'root', role: 'admin', area: null, password: 'first admin pw' }, new Date(TINY_NOW));
    const app = createApp({ db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(TINY_NOW) } });
    const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'root', password: 'first admin pw' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { account: { areaId: number | null } }).account.areaId).toBeNull();
  });
});
