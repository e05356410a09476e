import type { IncidentChange } from '../incidents/incident-writes.ts';
import { incidentFeature } from '../incidents/incident-feature.ts';
import { concatTypedArrays } from '@gridmap/shared/arrays/concat-typed-arrays';
import { sseFrame } from './sse-frame.ts';

/** A comment line sent to every client this often, in ms, so that idle connections stay open through proxies. */
export const LIVE_HEARTBEAT_MS = 20_000;
/**
 * Writes (each a change, or the changes of one flush window) a client may have queued unread
 * before it is dropped. A dropped client's
 * EventSource reconnects with Last-Event-ID and is replayed what it missed, so a stalled tab
 * costs the server a bounded queue, not an unbounded one.
 */
export const LIVE_MAX_QUEUED_FRAMES = 1_000;
/**
 * Clients are written at most once per this many ms, in ms. A change that comes after a quiet
 * spell goes out at once; changes that follow closer than this are sent together at the end of
 * the window. With 500 clients, a write per change and client was a fifth of the server's time
 * under the load bench (a syscall each); batched, the cost is bounded by the clock, not the rate
 * of reports, and a browser sees a change at most this much later.
 */
export const LIVE_FLUSH_MS = 50;

/** Where a hub writes a client's frames: a stream controller, or anything with the same shape. */
export interface LiveSink {
  enqueue(chunk: Uint8Array): void;
  close(): void;
  readonly desiredSize: number | null;
}

/**
 * The fan-out of `GET /api/live`: every incident change is encoded once and the same bytes are
 * queued to every connected client. Listeners (the tile cache) hear of each change too.
 */
export class LiveHub {
  /** Each client, with the areas of its account's scope (null: everything). */
  private readonly sinks = new Map<LiveSink, ReadonlySet<number> | null>();
  private readonly listeners = new Set<(change: IncidentChange) => void>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly encoder = new TextEncoder();
  /** Frames published and not yet written, with the grid each concerns. */
  private pending: { bytes: Uint8Array; gridId: number }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** When clients were last written, ms since the epoch (performance clock). */
  private lastFlushAt = -Infinity;

  /**
   * Adds a client that hears of incidents in the areas `scope` holds (grid ids among them; null
   * for every incident); the returned function removes it.
   */
  connect(sink: LiveSink, scope: ReadonlySet<number> | null = null): () => void {
    // Frames still pending are committed changes, which the new client's replay already holds:
    // they go to the clients there were before it, now.
    this.flush();
    this.sinks.set(sink, scope);
    if (this.heartbeat === null) {
      const ping = this.encoder.encode(': ping\n\n');
      this.heartbeat = setInterval(() => this.broadcast(() => ping), LIVE_HEARTBEAT_MS);
      this.heartbeat.unref();
    }
    return () => this.disconnect(sink);
  }

  /** Sends a committed change to every client and listener. */
  publish(change: IncidentChange): void {
    const frame = sseFrame('incident', { event: change.event, incident: incidentFeature(change.incident) }, change.event.id);
    this.pending.push({ bytes: this.encoder.encode(frame), gridId: change.incident.gridId });
    const wait = this.lastFlushAt + LIVE_FLUSH_MS - performance.now();
    if (wait <= 0) this.flush();
    else if (this.flushTimer === null) {
      this.flushTimer = setTimeout(() => this.flush(), wait);
      this.flushTimer.unref();
    }
    for (const listener of this.listeners) listener(change);
  }

  /** Writes the pending frames, in order: all of them to an unscoped client, those of its grids to a scoped one. */
  flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const frames = this.pending;
    if (frames.length === 0) return;
    this.lastFlushAt = performance.now();
    this.pending = [];
    const all = concatTypedArrays(frames.map((f) => f.bytes), Uint8Array);
    this.broadcast((scope) => {
      if (scope === null) return all;
      const mine = frames.filter((f) => scope.has(f.gridId));
      return mine.length === frames.length ? all : mine.length === 0 ? null : concatTypedArrays(mine.map((f) => f.bytes), Uint8Array);
    });
  }

  /** Calls `listener` after each published change. */
  onPublish(listener: (change: IncidentChange) => void): void {
    this.listeners.add(listener);
  }

  clientCount(): number {
    return this.sinks.size;
  }

  /** Ends every client's stream (at shutdown: the browsers reconnect to the next server and are replayed). */
  closeAll(): void {
    this.flush();
    for (const sink of [...this.sinks.keys()]) {
      this.disconnect(sink);
      try {
        sink.close();
      } catch {
        // Already closed by its reader going away.
      }
    }
  }

  /** Writes to every client what `bytesFor` gives for its scope (null: nothing). */
  private broadcast(bytesFor: (scope: ReadonlySet<number> | null) => Uint8Array | null): void {
    for (const [sink, scope] of this.sinks) {
      const bytes = bytesFor(scope);
      if (bytes === null) continue;
      if ((sink.desiredSize ?? 0) < -LIVE_MAX_QUEUED_FRAMES) {
        this.disconnect(sink);
        try {
          sink.close();
        } catch {
          // Already closed by its reader going away.
        }
        continue;
      }
      sink.enqueue(bytes);
    }
  }

  private disconnect(sink: LiveSink): void {
    this.sinks.delete(sink);
    if (this.sinks.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }
}
