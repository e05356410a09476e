import type { IncidentEventKind, LiveIncidentMessage } from '@gridmap/shared';
import type { Feature, FeatureCollection, Point } from 'geojson';

/** Entries the feed keeps, newest first: a few hours of a busy county. */
export const FEED_MAX_ENTRIES = 300;
/** How long a newly reported incident pulses on the map after it arrived, in ms. */
export const PULSE_MS = 120_000;

/** One line of the feed: a timeline event with its incident, and when and how it reached us. */
export interface FeedEntry extends LiveIncidentMessage {
  /** Client time it arrived, in ms. */
  receivedAt: number;
  /** True when it came through the stream as it happened, false when loaded as history. */
  live: boolean;
}

/**
 * The feed with `incoming` merged in: newest event first, one entry per event id (a replay
 * after a reconnect may repeat what we have), at most `max` entries.
 */
export function mergeFeed(feed: readonly FeedEntry[], incoming: readonly FeedEntry[], max = FEED_MAX_ENTRIES): FeedEntry[] {
  const byId = new Map<number, FeedEntry>();
  for (const entry of feed) byId.set(entry.event.id, entry);
  for (const entry of incoming) if (!byId.has(entry.event.id)) byId.set(entry.event.id, entry);
  return [...byId.values()].sort((a, b) => b.event.id - a.event.id).slice(0, max);
}

/** The incident as the newest entry about it shows it, per incident id. */
export function latestIncidents(feed: readonly FeedEntry[]): Map<number, FeedEntry> {
  const latest = new Map<number, FeedEntry>();
  for (const entry of feed) {
    const known = latest.get(entry.incident.id);
    if (!known || known.event.id < entry.event.id) latest.set(entry.incident.id, entry);
  }
  return latest;
}

/** Properties of a point of the live layer (see layers/live/live-layers.ts). */
export interface LivePointProperties {
  id: number;
  status: string;
  severity: number;
  overdue: number;
  /** 1 while a newly reported incident pulses. */
  fresh: number;
  /** The kind of its newest event. */
  lastEvent: IncidentEventKind;
}

/**
 * The incidents that changed while we watched (history loaded on opening is in the tiles
 * already), each where it is and as it is now, for the map's live layer: those reported
 * through the stream less than PULSE_MS ago are `fresh`.
 */
export function liveFeatures(feed: readonly FeedEntry[], nowMs: number): FeatureCollection<Point, LivePointProperties> {
  const features: Feature<Point, LivePointProperties>[] = [];
  const reportedLive = new Map<number, number>();
  const live = feed.filter((entry) => entry.live);
  for (const entry of live) if (entry.event.kind === 'report') reportedLive.set(entry.incident.id, entry.receivedAt);
  for (const entry of latestIncidents(live).values()) {
    const { incident } = entry;
    const reportedAt = reportedLive.get(incident.id);
    features.push({
      type: 'Feature',
      id: incident.id,
      geometry: incident.geometry,
      properties: {
        id: incident.id,
        status: incident.properties.status,
        severity: incident.properties.severity,
        overdue: incident.properties.overdue ? 1 : 0,
        fresh: reportedAt !== undefined && nowMs - reportedAt < PULSE_MS ? 1 : 0,
        lastEvent: entry.event.kind,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
