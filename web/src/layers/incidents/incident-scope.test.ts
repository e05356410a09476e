import { OPEN_STATUSES } from '@gridmap/shared';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { incidentScopeStyle, recentCutoffDay } from './incident-scope.ts';

/** Evaluates a layer filter on a tile feature the way MapLibre does (zoom 14, a point). */
function passes(filter: unknown, properties: Record<string, unknown>): boolean {
  const compiled = featureFilter(filter as never, 'layers[0].filter');
  return compiled.filter({ zoom: 14 }, { type: 1, properties, geometry: [] } as never);
}

const CUTOFF = '2025-04-01';
const openOld = { id: 1, status: 'mediating', reportedDay: '2024-01-05', overdue: 1 };
const closedRecent = { id: 2, status: 'closed', reportedDay: '2025-05-20', overdue: 0 };
const closedOld = { id: 3, status: 'resolved', reportedDay: '2024-11-30', overdue: 0 };
const binWithOpen = { count: 30, open: 2 };
const binAllHandled = { count: 30, open: 0 };

describe('incident scopes', () => {
  it('show only open cases under 在办, whatever their age', () => {
    const { pointFilter } = incidentScopeStyle('open', CUTOFF);
    expect([openOld, closedRecent, closedOld].map((f) => passes(pointFilter, f))).toEqual([true, false, false]);
  });

  it('treat every open status as open', () => {
    const { pointFilter } = incidentScopeStyle('open', CUTOFF);
    for (const status of OPEN_STATUSES) expect(passes(pointFilter, { ...closedOld, status })).toBe(true);
  });

  it('add cases reported in the window under 近90天, keeping older open ones', () => {
    const { pointFilter } = incidentScopeStyle('recent', CUTOFF);
    expect([openOld, closedRecent, closedOld].map((f) => passes(pointFilter, f))).toEqual([true, true, false]);
    expect(passes(pointFilter, { ...closedOld, reportedDay: CUTOFF })).toBe(true); // the cutoff day is inside
  });

  it('show every case under 全部, and never a bin as a point', () => {
    const { pointFilter } = incidentScopeStyle('all', CUTOFF);
    expect([openOld, closedRecent, closedOld].map((f) => passes(pointFilter, f))).toEqual([true, true, true]);
    expect(passes(pointFilter, binWithOpen)).toBe(false);
  });

  it('size bins by open cases and drop bins without one under 在办', () => {
    const open = incidentScopeStyle('open', CUTOFF);
    expect(open.binCountProperty).toBe('open');
    expect(JSON.stringify(open.binRadius)).toContain('"open"');
    expect([binWithOpen, binAllHandled, openOld].map((f) => passes(open.binFilter, f))).toEqual([true, false, false]);
  });

  it('size bins by all cases otherwise', () => {
    for (const scope of ['recent', 'all'] as const) {
      const style = incidentScopeStyle(scope, CUTOFF);
      expect(style.binCountProperty).toBe('count');
      expect([binWithOpen, binAllHandled].map((f) => passes(style.binFilter, f))).toEqual([true, true]);
    }
  });

  it('counts the window back in county days (UTC+8), not UTC or browser days', () => {
    expect(recentCutoffDay(new Date('2025-06-30T12:00:00Z'))).toBe('2025-04-01'); // 20:00 in the county
    // 16:00 UTC is midnight in the county: the county's day has already turned.
    expect(recentCutoffDay(new Date('2025-06-30T15:59:59Z'))).toBe('2025-04-01');
    expect(recentCutoffDay(new Date('2025-06-30T16:00:00Z'))).toBe('2025-04-02');
    expect(recentCutoffDay(new Date('2025-01-10T23:30:00Z'), 10)).toBe('2025-01-01');
  });

  it('gives the same cutoff whatever time zone the browser is in', () => {
    const original = process.env.TZ;
    try {
      const days = ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati'].map((zone) => {
        process.env.TZ = zone;
        return recentCutoffDay(new Date('2025-03-01T17:30:00Z'));
      });
      expect(new Set(days)).toEqual(new Set(['2024-12-02']));
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
