import { countyWeekNumber } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisFilters } from '../../layers/heat/heat-filters.ts';
import { hotspotQueryString, resolutionForZoom } from './analysis-queries.ts';

describe('hotspotQueryString', () => {
  // County week of Monday 2025-03-03 … Sunday 2025-03-09.
  const week = countyWeekNumber(Date.parse('2025-03-03T00:00:00+08:00'));

  it('asks for the window from the Monday of its first week to the Sunday of its last', () => {
    const f = { ...defaultAnalysisFilters(week), windowWeeks: 4 as const };
    const q = new URLSearchParams(hotspotQueryString(f, { unit: 'hex', resolution: 8, fdr: true }, 10));
    expect(q.get('from')).toBe('2025-02-10');
    expect(q.get('to')).toBe('2025-03-09');
    expect(q.get('resolution')).toBe('8');
    expect(q.has('fdr')).toBe(false);
    expect(q.has('kind')).toBe(false);
    expect(q.get('cells')).toBe('significant'); // the map draws no others
  });

  it('names no resolution for grids, and kinds and fdr=false when chosen', () => {
    const f = { ...defaultAnalysisFilters(week), kinds: ['land' as const, 'labour' as const] };
    const q = new URLSearchParams(hotspotQueryString(f, { unit: 'grid', resolution: 'auto', fdr: false }, 10));
    expect(q.has('resolution')).toBe(false);
    expect(q.get('kind')).toBe('land,labour');
    expect(q.get('fdr')).toBe('false');
  });

  it('fits the resolution to the zoom when set to auto', () => {
    expect([9, 11, 13].map(resolutionForZoom)).toEqual([7, 8, 9]);
  });
});
