import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';

/** Entries kept at most, and their bytes (text + gzip) at most: a grid layer is ~5 MB of both. */
const MAX_ENTRIES = 64;
const MAX_BYTES = 96 * 1024 * 1024;

const gzipAsync = promisify(gzip);

interface Encoded {
  text: string;
  /** Made on libuv's thread pool: the event loop goes on serving while a large body is compressed. */
  gzip: Promise<Buffer>;
  bytes: number;
}

/**
 * Remembers response bodies by a key that changes whenever the body would (the data ETag plus
 * the query), so that a repeated request costs neither the query nor the gzip: the grid layer
 * is megabytes and every browser that opens the map asks for it. Least recently used first out.
 */
export class EncodedBodyCache {
  private readonly entries = new Map<string, Encoded>();
  private bytes = 0;

  /**
   * `gzipLevel`: zlib's 1 (fastest) to 9; 6 by default. A body rebuilt after every write (the
   * area lists carry open-incident counts) pays its gzip again each time: level 1 takes a third
   * of the time of 6 for a tenth more bytes (the town list: 4.3 vs 12.3 ms, 215 vs 196 KB).
   */
  constructor(private readonly gzipLevel = 6) {}

  /** True when the body for `key` is kept (a caller may then skip checks it made before building it). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Answers with the body for `key`, building and gzipping it once; gzip where the client takes
   * it. Requests for a key whose gzip is under way wait for that one.
   */
  async respond(c: Context, key: string, contentType: string, build: () => string): Promise<Response> {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // re-insert: most recently used last
    } else {
      const text = build();
      const made: Encoded = { text, gzip: gzipAsync(text, { level: this.gzipLevel }), bytes: Buffer.byteLength(text) };
      made.gzip.then(
        (gz) => {
          made.bytes += gz.length;
          if (this.entries.get(key) === made) this.bytes += gz.length;
        },
        () => this.entries.get(key) === made && this.drop(key),
      );
      entry = made;
      this.bytes += entry.bytes;
    }
    this.entries.set(key, entry);
    this.evict();
    c.header('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      const gz = await entry.gzip;
      // The compress middleware leaves a response that has a Content-Encoding alone.
      return c.body(new Uint8Array(gz.buffer as ArrayBuffer, gz.byteOffset, gz.length), 200, { 'Content-Type': contentType, 'Content-Encoding': 'gzip' });
    }
    return c.body(entry.text, 200, { 'Content-Type': contentType });
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      if (this.entries.size === 1) break; // never drop the one just answered
      this.drop(key);
    }
  }
}
