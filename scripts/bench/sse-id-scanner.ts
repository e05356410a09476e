const NEEDLE = Buffer.from('\nid: ');
const NEWLINE = 0x0a;

/**
 * Finds the `id:` lines of a server-sent event stream chunk by chunk, without decoding the rest:
 * a benchmark client must cost little per frame, or it measures itself instead of the server.
 * Every frame the benchmarked servers send follows a blank line (the stream opens with
 * `retry: …\n\n`), so an id line always starts after a '\n'. A line split across chunks is
 * kept until its end arrives.
 */
export class SseIdScanner {
  private pending: Buffer | null = null;

  /** The ids whose lines end in `chunk`, in order. */
  push(chunk: Buffer): number[] {
    const data = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    const ids: number[] = [];
    let from = 0;
    for (;;) {
      const start = data.indexOf(NEEDLE, from);
      if (start < 0) {
        // The end may hold the first bytes of the next '\nid: '.
        const keep = Math.min(data.length, NEEDLE.length - 1);
        this.pending = Buffer.from(data.subarray(data.length - keep));
        return ids;
      }
      const end = data.indexOf(NEWLINE, start + NEEDLE.length);
      if (end < 0) {
        this.pending = Buffer.from(data.subarray(start));
        return ids;
      }
      ids.push(Number(data.toString('latin1', start + NEEDLE.length, end)));
      from = end;
    }
  }
}
