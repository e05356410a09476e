import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { EncodedBodyCache } from './encoded-body-cache.ts';

/** An app whose one route answers through the cache, counting how often the body is built. */
function cachedApp() {
  const cache = new EncodedBodyCache();
  const built: string[] = [];
  const app = new Hono().get('/:key', (c) =>
    cache.respond(c, c.req.param('key'), 'application/json', () => {
      built.push(c.req.param('key'));
      return JSON.stringify({ key: c.req.param('key'), padding: 'x'.repeat(2000) });
    }),
  );
  return { app, built };
}

describe('EncodedBodyCache', () => {
  it('builds a body once per key and serves it again, gzip-encoded to clients that take gzip', async () => {
    const { app, built } = cachedApp();
    const plain = await app.request('/a');
    const zipped = await app.request('/a', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(built).toEqual(['a']);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toBe('Accept-Encoding');
    const text = await plain.text();
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(text);
    expect(JSON.parse(text).key).toBe('a');
  });

  it('builds again for another key', async () => {
    const { app, built } = cachedApp();
    await app.request('/a');
    await app.request('/b');
    await app.request('/a');
    expect(built).toEqual(['a', 'b']);
  });

  it('forgets the least recently used keys beyond its bound', async () => {
    const { app, built } = cachedApp();
    for (let i = 0; i < 70; i++) await app.request(`/k${i}`);
    await app.request('/k69'); // recent: still there
    await app.request('/k0'); // the oldest: built again
    expect(built.filter((k) => k === 'k69')).toHaveLength(1);
    expect(built.filter((k) => k === 'k0')).toHaveLength(2);
  });
});
