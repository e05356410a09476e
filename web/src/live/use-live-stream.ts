import { liveIncidentMessageSchema, type LiveIncidentMessage } from '@gridmap/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchRecentEvents } from '../api/incident-writes-api.ts';
import { incidentKeys } from '../api/points-api.ts';
import { mergeFeed, type FeedEntry } from './live-feed.ts';

/** Events loaded as history when the page opens. */
const RECENT_EVENTS = 100;
/** Counters are refetched at most this often while events stream in, in ms. */
const COUNTERS_REFRESH_MS = 1_000;
/**
 * Incident tiles are asked for again this long after the last change heard of, in ms: the server
 * has put the change into its index and dropped exactly the tiles holding it by then (issue 8),
 * and a burst of changes costs one refetch.
 */
export const TILE_REFRESH_DELAY_MS = 1_500;
/** Wait before opening a new stream after the server refused one (EventSource gives up then), in ms. */
const REOPEN_DELAY_MS = 5_000;

export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveStream {
  /** Newest first. */
  feed: FeedEntry[];
  connection: LiveConnection;
  /** Goes up when the incident tiles should be fetched again. */
  tilesVersion: number;
}

/**
 * The command centre's connection to `GET /api/live`: loads the newest events, then streams
 * from the last of them, so that nothing falls between. Each change refreshes that incident's
 * detail, the counters (throttled) and, a little later, the incident tiles. The browser's
 * EventSource reconnects by itself and sends Last-Event-ID, so the server replays what a drop
 * missed.
 */
export function useLiveStream(): LiveStream {
  const queryClient = useQueryClient();
  const [feed, setFeed] = useState<FeedEntry[]>([]);
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [tilesVersion, setTilesVersion] = useState(0);

  useEffect(() => {
    let closed = false;
    let source: EventSource | null = null;
    let newestId: number | null = null;
    let countersTimer: ReturnType<typeof setTimeout> | null = null;
    let tilesTimer: ReturnType<typeof setTimeout> | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;

    const refreshCounters = () => {
      if (countersTimer !== null) return;
      countersTimer = setTimeout(() => {
        countersTimer = null;
        void queryClient.invalidateQueries({ queryKey: incidentKeys.counters() });
      }, COUNTERS_REFRESH_MS);
    };
    const refreshTiles = () => {
      if (tilesTimer !== null) clearTimeout(tilesTimer);
      tilesTimer = setTimeout(() => setTilesVersion((v) => v + 1), TILE_REFRESH_DELAY_MS);
    };
    const received = (messages: LiveIncidentMessage[], live: boolean) => {
      const now = Date.now();
      setFeed((current) => mergeFeed(current, messages.map((m) => ({ ...m, receivedAt: now, live }))));
      for (const m of messages) newestId = Math.max(newestId ?? 0, m.event.id);
    };

    const open = () => {
      if (closed) return;
      source = new EventSource(newestId === null ? '/api/live' : `/api/live?lastEventId=${newestId}`);
      source.addEventListener('hello', () => setConnection('live'));
      source.addEventListener('incident', (event) => {
        setConnection('live');
        const message = liveIncidentMessageSchema.parse(JSON.parse((event as MessageEvent<string>).data));
        received([message], true);
        void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(message.incident.id) });
        refreshCounters();
        refreshTiles();
      });
      // Too much was missed to replay: start over from what the server has now.
      source.addEventListener('reset', () => {
        setConnection('live');
        void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
        void fetchRecentEvents(RECENT_EVENTS).then((recent) => received(recent, false), () => {});
        refreshTiles();
      });
      source.onerror = () => {
        setConnection('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          source = null;
          reopenTimer = setTimeout(open, REOPEN_DELAY_MS);
        }
      };
    };

    fetchRecentEvents(RECENT_EVENTS)
      .then((recent) => received(recent, false), () => {})
      .finally(open);

    return () => {
      closed = true;
      source?.close();
      for (const timer of [countersTimer, tilesTimer, reopenTimer]) if (timer !== null) clearTimeout(timer);
    };
  }, [queryClient]);

  return { feed, connection, tilesVersion };
}
