import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE } from '@gridmap/shared/demo/demo-defaults';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, readServerSettings } from './server-settings.ts';

const ROOT = '/repo';

describe('readServerSettings', () => {
  it('falls back to the defaults when nothing is set, or set empty', () => {
    for (const env of [{}, { PORT: '', DEMO_SEED: '', DEMO_SIZE: '', DATABASE: '', BASEMAP_STYLE_URL: '' }]) {
      expect(readServerSettings(env, ROOT)).toEqual({
        databasePath: '/repo/data/gridmap.sqlite',
        port: DEFAULT_PORT,
        webDist: '/repo/web/dist',
        basemapStyleUrl: null,
        demoSeed: DEFAULT_DEMO_SEED,
        demoSize: DEFAULT_DEMO_SIZE,
        areaTiles: 'auto',
        tileCachePath: '/repo/data/gridmap.tile-cache.sqlite',
      });
    }
  });

  it('reads a port, a seed and a size', () => {
    const settings = readServerSettings({ PORT: '8097', DEMO_SEED: '7', DEMO_SIZE: '0.1' }, ROOT);
    expect(settings).toMatchObject({ port: 8097, demoSeed: 7, demoSize: 0.1 });
  });

  it.each(['0', '65536', '80.5', '8e3', 'http', '-1'])('refuses PORT=%s, naming it', (port) => {
    expect(() => readServerSettings({ PORT: port }, ROOT)).toThrow(`PORT must be an integer`);
  });

  it.each(['1.5', 'abc', '1e3'])('refuses DEMO_SEED=%s, naming it', (seed) => {
    expect(() => readServerSettings({ DEMO_SEED: seed }, ROOT)).toThrow(`DEMO_SEED must be an integer, got '${seed}'`);
  });

  it.each(['0', '-1', 'big'])('refuses DEMO_SIZE=%s, naming it', (size) => {
    expect(() => readServerSettings({ DEMO_SIZE: size }, ROOT)).toThrow(`DEMO_SIZE must be a positive number, got '${size}'`);
  });

  it('reads AREA_TILES as on, off or auto, and refuses anything else', () => {
    expect(readServerSettings({ AREA_TILES: 'on' }, ROOT).areaTiles).toBe(true);
    expect(readServerSettings({ AREA_TILES: 'off' }, ROOT).areaTiles).toBe(false);
    expect(readServerSettings({ AREA_TILES: 'auto' }, ROOT).areaTiles).toBe('auto');
    expect(() => readServerSettings({ AREA_TILES: 'yes' }, ROOT)).toThrow("AREA_TILES must be on, off or auto, got 'yes'");
  });

  it('keeps the tile disk cache beside the database unless TILE_CACHE names a file or says off', () => {
    expect(readServerSettings({ DATABASE: '/srv/zj.sqlite' }, ROOT).tileCachePath).toBe('/srv/zj.tile-cache.sqlite');
    expect(readServerSettings({ TILE_CACHE: '/var/cache/tiles.sqlite' }, ROOT).tileCachePath).toBe('/var/cache/tiles.sqlite');
    expect(readServerSettings({ TILE_CACHE: 'off' }, ROOT).tileCachePath).toBeNull();
  });
});
