import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentRow } from '../db/incidents-sql.ts';
import type { IncidentChange } from '../incidents/incident-writes.ts';
import { LIVE_FLUSH_MS, LiveHub, type LiveSink } from './live-hub.ts';

/** A client's end of the stream: what was written to it, one entry per write. */
function client(): LiveSink & { writes: string[]; ids: () => number[] } {
  const decoder = new TextDecoder();
  const writes: string[] = [];
  return {
    writes,
    enqueue: (chunk) => writes.push(decoder.decode(chunk)),
    close: () => {},
    desiredSize: 0,
    ids: () => [...writes.join('').matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
  };
}

/** A change of incident `id` in grid `gridId`, its event numbered `eventId`. */
function change(eventId: number, gridId: number): IncidentChange {
  const incident = { id: eventId, gridId, lon: 120.2, lat: 29.7, status: 'reported', version: 1 } as unknown as IncidentRow;
  const event = { id: eventId, incidentId: eventId, kind: 'report' } as unknown as IncidentChange['event'];
  return { incident, event };
}

afterEach(() => vi.useRealTimers());

describe('the live hub', () => {
  it('writes a change after a quiet spell at once, and the changes close behind it together at the end of the window, in order', () => {
    vi.useFakeTimers();
    const hub = new LiveHub();
    const a = client();
    hub.connect(a);
    hub.publish(change(1, 10));
    expect(a.ids()).toEqual([1]);
    hub.publish(change(2, 10));
    hub.publish(change(3, 11));
    expect(a.writes).toHaveLength(1);
    vi.advanceTimersByTime(LIVE_FLUSH_MS);
    expect(a.writes).toHaveLength(2);
    expect(a.ids()).toEqual([1, 2, 3]);
  });

  it('gives a scoped client only the changes in its grids, and nothing when a window holds none of them', () => {
    vi.useFakeTimers();
    const hub = new LiveHub();
    const everything = client();
    const grid10 = client();
    hub.connect(everything);
    hub.connect(grid10, new Set([10]));
    hub.publish(change(1, 11));
    hub.publish(change(2, 10));
    hub.publish(change(3, 11));
    vi.advanceTimersByTime(LIVE_FLUSH_MS);
    expect(everything.ids()).toEqual([1, 2, 3]);
    expect(grid10.ids()).toEqual([2]);
    expect(grid10.writes).toHaveLength(1);
  });

  it('does not send a client that joins mid-window the changes made before it joined (its replay holds them)', () => {
    vi.useFakeTimers();
    const hub = new LiveHub();
    const early = client();
    hub.connect(early);
    hub.publish(change(1, 10));
    hub.publish(change(2, 10));
    const late = client();
    hub.connect(late);
    hub.publish(change(3, 10));
    vi.advanceTimersByTime(LIVE_FLUSH_MS);
    expect(early.ids()).toEqual([1, 2, 3]);
    expect(late.ids()).toEqual([3]);
  });

  it('writes what is pending before it closes every stream at shutdown', () => {
    vi.useFakeTimers();
    const hub = new LiveHub();
    const a = client();
    hub.connect(a);
    hub.publish(change(1, 10));
    hub.publish(change(2, 10));
    hub.closeAll();
    expect(a.ids()).toEqual([1, 2]);
  });
});
