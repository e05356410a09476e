import type { ServerResponse } from 'node:http';
import type { LiveSink } from './live-hub.ts';

/**
 * A LiveSink that writes frames straight to a Node response. A ReadableStream per client costs
 * a promise round trip (read, write, read again) per frame and client between the hub and the
 * socket; with a thousand clients that doubled the server's time per event (scripts/bench/live.ts).
 *
 * `desiredSize` is minus the frames written while the socket's buffer stood over its high-water
 * mark, so LiveHub drops a client that stopped reading after LIVE_MAX_QUEUED_FRAMES, as it
 * does with a stream's queue; it reconnects with Last-Event-ID and is replayed what it missed.
 */
export function responseSink(res: ServerResponse): LiveSink {
  let unflushed = 0;
  res.on('drain', () => (unflushed = 0));
  return {
    enqueue(chunk) {
      if (!res.write(chunk)) unflushed++;
    },
    // A client that keeps up gets the end of the stream (shutdown: its EventSource reconnects to
    // the next server); one that stopped reading is cut off, since its buffer would never drain.
    close() {
      if (unflushed === 0) res.end();
      else res.destroy();
    },
    get desiredSize() {
      return 0 - unflushed; // not -unflushed, which is -0 when nothing waits
    },
  };
}
