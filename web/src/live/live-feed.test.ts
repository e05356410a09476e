import type { LiveIncidentMessage } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { latestIncidents, liveFeatures, mergeFeed, PULSE_MS, type FeedEntry } from './live-feed.ts';

function entry(eventId: number, incidentId: number, kind: 'report' | 'accept', status: 'reported' | 'accepted', live = true, receivedAt = 0): FeedEntry {
  const message = {
    event: {
      id: eventId, incidentId, kind, actor: '值班员', at: '2025-06-01T00:00:00.000Z', note: '',
      fromStatus: kind === 'report' ? null : 'reported', toStatus: status, fromLevel: kind === 'report' ? null : 'grid', toLevel: 'grid',
      mediationPointId: null, assignee: null, referredTo: null, reason: null,
    },
    incident: {
      type: 'Feature', id: incidentId, geometry: { type: 'Point', coordinates: [120 + incidentId / 100, 29] },
      properties: { id: incidentId, status, severity: 1, overdue: false } as LiveIncidentMessage['incident']['properties'],
    },
  } as LiveIncidentMessage;
  return { ...message, receivedAt, live };
}

describe('the live feed', () => {
  it('keeps one entry per event, newest first, and at most the limit', () => {
    const feed = mergeFeed([entry(2, 1, 'accept', 'accepted'), entry(1, 1, 'report', 'reported')], [entry(2, 1, 'accept', 'accepted'), entry(3, 2, 'report', 'reported')], 2);
    expect(feed.map((e) => e.event.id)).toEqual([3, 2]);
  });

  it('shows each incident as its newest event left it', () => {
    const feed = mergeFeed([], [entry(1, 1, 'report', 'reported'), entry(2, 1, 'accept', 'accepted')]);
    expect(latestIncidents(feed).get(1)?.incident.properties.status).toBe('accepted');
    expect(liveFeatures(feed, 0).features.map((f) => [f.id, f.properties.status])).toEqual([[1, 'accepted']]);
  });

  it('maps what changed while watching, pulsing new reports for a while; history stays in the tiles', () => {
    const feed = mergeFeed([], [
      entry(1, 1, 'report', 'reported', true, 1_000),
      entry(2, 2, 'report', 'reported', false, 1_000),
      entry(3, 2, 'accept', 'accepted', true, 1_000),
    ]);
    const fresh = (now: number) => liveFeatures(feed, now).features.map((f) => [f.id, f.properties.status, f.properties.fresh]);
    expect(fresh(2_000)).toEqual([[2, 'accepted', 0], [1, 'reported', 1]]);
    expect(fresh(1_000 + PULSE_MS)).toEqual([[2, 'accepted', 0], [1, 'reported', 0]]);
  });
});
