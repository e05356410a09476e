import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { gzipBody } from './gzip-body.ts';

const big = { rows: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `网格 ${i}`, open: i % 7 })) };

function app() {
  return new Hono()
    .use('*', gzipBody)
    .get('/big', (c) => c.json(big))
    .get('/small', (c) => c.json({ ok: true }))
    .get('/cookie', (c) => {
      c.header('Set-Cookie', 'a=1; HttpOnly');
      c.header('Set-Cookie', 'b=2', { append: true });
      c.header('ETag', '"v1"');
      return c.json(big);
    })
    .get('/tile', (c) => c.body(new Uint8Array(4_000), 200, { 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Encoding': 'gzip' }))
    .get('/png', (c) => c.body(new Uint8Array(4_000), 200, { 'Content-Type': 'image/png' }))
    .get('/no-transform', (c) => c.json(big, 200, { 'Cache-Control': 'no-transform' }))
    .get('/missing', (c) => c.json({ message: 'x'.repeat(2_000) }, 404));
}

const get = (path: string, encoding?: string) => app().request(path, encoding === undefined ? {} : { headers: { 'Accept-Encoding': encoding } });

describe('gzipBody', () => {
  it('gzips a JSON answer for a client that takes gzip, and the bytes unpack to the same JSON', async () => {
    const res = await get('/big', 'gzip, deflate, br');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    const packed = Buffer.from(await res.arrayBuffer());
    expect(packed.length).toBeLessThan(JSON.stringify(big).length / 3);
    expect(JSON.parse(gunzipSync(packed).toString('utf8'))).toEqual(big);
  });

  it('sends the answer as it is to a client without gzip, or that refuses it, saying it varies', async () => {
    for (const encoding of [undefined, 'identity', 'gzip;q=0, identity']) {
      const res = await get('/big', encoding);
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect(await res.json()).toEqual(big);
    }
  });

  it('leaves small answers, answers already encoded, images and no-transform answers alone', async () => {
    expect((await get('/small', 'gzip')).headers.get('Content-Encoding')).toBeNull();
    expect(await (await get('/small', 'gzip')).json()).toEqual({ ok: true });
    expect((await (await get('/tile', 'gzip')).arrayBuffer()).byteLength).toBe(4_000);
    expect((await get('/png', 'gzip')).headers.get('Content-Encoding')).toBeNull();
    expect((await get('/no-transform', 'gzip')).headers.get('Content-Encoding')).toBeNull();
  });

  it('keeps the status, every cookie, and the ETag (made weak, as the bytes differ)', async () => {
    const res = await get('/cookie', 'gzip');
    expect(res.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2']);
    expect(res.headers.get('ETag')).toBe('W/"v1"');
    const missing = await get('/missing', 'gzip');
    expect(missing.status).toBe(404);
    expect(JSON.parse(gunzipSync(Buffer.from(await missing.arrayBuffer())).toString('utf8')).message).toHaveLength(2_000);
  });
});
