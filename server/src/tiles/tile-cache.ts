/** One encoded tile: gzip bytes (null for an empty tile) and its ETag. */
export interface CachedTile {
  gzip: Buffer | null;
  etag: string;
  createdMs: number;
}

/**
 * A least-recently-used cache of encoded tiles bounded by entry count and by bytes
 * (a Map iterates in insertion order, so re-inserting on a hit keeps the oldest first).
 */
export class TileCache {
  private readonly entries = new Map<string, CachedTile>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The entry for `key` if it is younger than `maxAgeMs` at `nowMs`. */
  get(key: string, nowMs: number, maxAgeMs = Infinity): CachedTile | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.delete(key);
    if (nowMs - entry.createdMs > maxAgeMs) return undefined;
    this.insert(key, entry);
    return entry;
  }

  set(key: string, entry: CachedTile): void {
    this.delete(key);
    this.insert(key, entry);
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Drops every entry whose key starts with `prefix` (a layer whose data changed). */
  deletePrefix(prefix: string): void {
    this.deleteWhere((key) => key.startsWith(prefix));
  }

  /** Drops every entry whose key passes the test. */
  deleteWhere(test: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (test(key)) this.delete(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  private insert(key: string, entry: CachedTile): void {
    this.entries.set(key, entry);
    this.bytes += entry.gzip?.length ?? 0;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.gzip?.length ?? 0;
  }
}
