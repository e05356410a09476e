import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webAppRoutes } from './web-app.ts';

describe('the web app routes', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'gridmap-dist-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  const app = (root: string | null) => new Hono().route('/', webAppRoutes(root));

  it('serves index.html with no-cache, and fingerprinted assets with a long cache', async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>GridMap</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
    const index = await app(dist).request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('Cache-Control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>GridMap</title>');
    const asset = await app(dist).request('/assets/main-abc123.js');
    expect(asset.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
  });

  it('falls back to index.html for client-side routes', async () => {
    writeFileSync(join(dist, 'index.html'), 'the app');
    const res = await app(dist).request('/areas/12');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('the app');
  });

  it('answers 404, not index.html, for a fingerprinted asset that is not there', async () => {
    writeFileSync(join(dist, 'index.html'), 'the app');
    mkdirSync(join(dist, 'assets'));
    const res = await app(dist).request('/assets/main-old123.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toBe('the app');
  });

  it('never serves a file outside the dist directory', async () => {
    writeFileSync(join(dist, 'index.html'), 'the app');
    const res = await app(dist).request('/..%2F..%2Fetc%2Fpasswd');
    expect(await res.text()).toBe('the app');
  });

  it('answers 503 with a hint to build when the dist is missing', async () => {
    const res = await app(join(dist, 'missing')).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm build');
  });
});
