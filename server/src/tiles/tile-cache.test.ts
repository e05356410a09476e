import { describe, expect, it } from 'vitest';
import { TileCache } from './tile-cache.ts';

const tile = (bytes: number, createdMs = 0) => ({ gzip: Buffer.alloc(bytes), etag: `"${bytes}"`, createdMs });

describe('TileCache', () => {
  it('evicts the least recently used entry when over its entry count', () => {
    const cache = new TileCache(2, 1_000);
    cache.set('a', tile(1));
    cache.set('b', tile(1));
    cache.get('a', 0); // a is now the most recent
    cache.set('c', tile(1));
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBeDefined();
    expect(cache.get('c', 0)).toBeDefined();
  });

  it('evicts old entries until it is under its byte budget', () => {
    const cache = new TileCache(100, 250);
    cache.set('a', tile(100));
    cache.set('b', tile(100));
    cache.set('c', tile(100));
    expect(cache.size).toBe(2);
    expect(cache.byteSize).toBe(200);
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('treats an entry older than the asked maximum age as missing', () => {
    const cache = new TileCache(10, 1_000);
    cache.set('a', tile(1, 1_000));
    expect(cache.get('a', 1_500, 1_000)).toBeDefined();
    expect(cache.get('a', 2_500, 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops every entry of a layer by key prefix', () => {
    const cache = new TileCache(10, 1_000);
    cache.set('incidents:1/0/0/0', tile(1));
    cache.set('households:0/0/0/0', tile(1));
    cache.deletePrefix('incidents:');
    expect(cache.size).toBe(1);
  });
});
