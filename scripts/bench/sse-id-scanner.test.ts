import { describe, expect, it } from 'vitest';
import { SseIdScanner } from './sse-id-scanner.ts';

const STREAM =
  'retry: 2000\n\nid: 41\nevent: hello\ndata: {"lastEventId":41}\n\n' +
  ': ping\n\n' +
  'id: 42\nevent: incident\ndata: {"note":"邻里纠纷 id: 7"}\n\n' +
  'id: 43\nevent: incident\ndata: {}\n\n';

describe('SseIdScanner', () => {
  it('finds every id line of a stream read in one chunk, and nothing in the data', () => {
    expect(new SseIdScanner().push(Buffer.from(STREAM))).toEqual([41, 42, 43]);
  });

  it('finds the same ids however the stream is cut into chunks', () => {
    const bytes = Buffer.from(STREAM);
    for (let size = 1; size <= 12; size++) {
      const scanner = new SseIdScanner();
      const ids: number[] = [];
      for (let i = 0; i < bytes.length; i += size) ids.push(...scanner.push(bytes.subarray(i, i + size)));
      expect(ids, `chunks of ${size} bytes`).toEqual([41, 42, 43]);
    }
  });
});
