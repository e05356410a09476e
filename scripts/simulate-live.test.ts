import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from './lib/spawn-server.ts';
import { signIn } from './lib/api-session.ts';
import { parseSimulateLiveArgs, simulateLive } from './simulate-live.ts';

describe('parseSimulateLiveArgs', () => {
  it('reads a URL, a rate, a duration and a seed', () => {
    expect(parseSimulateLiveArgs(['--url', 'http://localhost:9000/', '--rate', '0.5', '--duration', '30', '--seed', '4'])).toEqual({
      url: 'http://localhost:9000', rate: 0.5, duration: 30, seed: 4, user: { username: 'county', password: 'gridmap2026' },
    });
  });

  it('reads the arguments after the -- that pnpm passes on', () => {
    expect(parseSimulateLiveArgs(['--', '--rate', '5'])).toMatchObject({ rate: 5, duration: 60, seed: 1 });
  });

  it('wants --user and --password together', () => {
    expect(() => parseSimulateLiveArgs(['--user', 'county'])).toThrow('--user and --password go together');
    expect(parseSimulateLiveArgs(['--user', 'county', '--password', 'pw']).user).toEqual({ username: 'county', password: 'pw' });
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => parseSimulateLiveArgs(['--rate', '0'])).toThrow('--rate must be a positive number');
    expect(() => parseSimulateLiveArgs(['--rate', 'fast'])).toThrow('--rate must be a positive number');
  });
});

describe('simulateLive against the real server', () => {
  let dir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gridmap-simulate-'));
    server = await spawnServer({ DATABASE: join(dir, 'sim.sqlite'), DEMO_SIZE: '0.02' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts incidents and moves open ones along the handling cycle without errors', async () => {
    const api = await signIn(server.url);
    const count = async () => (await api.getJson<{ counts: { incidents: number } }>('/api/health')).counts.incidents;
    const before = await count();
    const lines: string[] = [];
    const summary = await simulateLive({ url: server.url, rate: 40, duration: 1.5, seed: 3 }, (line) => lines.push(line));
    expect(summary.errorMessages).toEqual([]);
    expect(summary.posted).toBeGreaterThan(5);
    expect(summary.transitions).toBeGreaterThan(5);
    // 60 actions; the odd one finds its incident closed by a concurrent action and does nothing.
    const done = summary.posted + summary.transitions + summary.conflicts + summary.skipped;
    expect(done).toBeLessThanOrEqual(60);
    expect(done).toBeGreaterThanOrEqual(55);
    expect(await count()).toBe(before + summary.posted);
    expect(lines.at(-1)).toContain(`${summary.posted} incidents posted`);
  });

  it('acts as a demo account when given one, its writes carrying the CSRF token', async () => {
    const summary = await simulateLive(
      { url: server.url, rate: 20, duration: 0.5, seed: 4, user: { username: 'county', password: 'gridmap2026' } }, () => {},
    );
    expect(summary.errorMessages).toEqual([]);
    expect(summary.posted + summary.transitions).toBeGreaterThan(0);
  });

  it('stops with the reason when the password is wrong', async () => {
    await expect(simulateLive({ url: server.url, rate: 1, duration: 1, seed: 1, user: { username: 'county', password: 'nope' } }, () => {}))
      .rejects.toThrow('signing in as county: 401');
  });
});
