import type { IncidentChange } from '../incidents/incident-writes.ts';
import { incidentFeature } from '../incidents/incident-feature.ts';
import { sseFrame } from './sse-frame.ts';

/** A comment line sent to every client this often, in ms, so that idle connections stay open through proxies. */
export const LIVE_HEARTBEAT_MS = 20_000;
/**
 * Frames a client may have queued unread before it is dropped, in frames. A dropped client's
 * EventSource reconnects with Last-Event-ID and is replayed what it missed, so a stalled tab
 * costs the server a bounded queue, not an unbounded one.
 */
export const LIVE_MAX_QUEUED_FRAMES = 1_000;

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

  /**
   * Adds a client that hears of incidents in the areas `scope` holds (grid ids among them; null
   * for every incident); the returned function removes it.
   */
  connect(sink: LiveSink, scope: ReadonlySet<number> | null = null): () => void {
    this.sinks.set(sink, scope);
    if (this.heartbeat === null) {
      this.heartbeat = setInterval(() => this.broadcast(this.encoder.encode(': ping\n\n')), LIVE_HEARTBEAT_MS);
      this.heartbeat.unref();
    }
    return () => this.disconnect(sink);
  }

  /** Sends a committed change to every client and listener. */
  publish(change: IncidentChange): void {
    const frame = sseFrame('incident', { event: change.event, incident: incidentFeature(change.incident) }, change.event.id);
    this.broadcast(this.encoder.encode(frame), change.incident.gridId);
    for (const listener of this.listeners) listener(change);
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
    for (const sink of [...this.sinks.keys()]) {
      this.disconnect(sink);
      try {
        sink.close();
      } catch {
        // Already closed by its reader going away.
      }
    }
  }

  /** Writes the same bytes to every client; to those whose scope holds `gridId`, when given. */
  private broadcast(bytes: Uint8Array, gridId?: number): void {
    for (const [sink, scope] of this.sinks) {
      if (gridId !== undefined && scope !== null && !scope.has(gridId)) continue;
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
