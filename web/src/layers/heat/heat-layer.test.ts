import { AREA_LEVELS, INCIDENT_KINDS } from '@gridmap/shared';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisFilters, heatFilter, nextKinds, windowFromWeek, type AnalysisFilters } from './heat-filters.ts';
import { heatLayer } from './heat-layer.ts';

const point = (properties: Record<string, unknown>) => ({ type: 1 as const, properties, geometry: [] });
const passes = (f: AnalysisFilters, properties: Record<string, unknown>) =>
  featureFilter(heatFilter(f), 'layers[0].filter').filter({ zoom: 10 } as never, point(properties) as never);

const base = { week: 2900, kind: 'land', status: 'mediating', level: 'grid', severity: 2 };

describe('heatFilter', () => {
  it('keeps the weeks of the window, both ends included', () => {
    const f = { ...defaultAnalysisFilters(2900), windowWeeks: 4 as const };
    expect(windowFromWeek(f)).toBe(2897);
    expect(passes(f, { ...base, week: 2897 })).toBe(true);
    expect(passes(f, { ...base, week: 2900 })).toBe(true);
    expect(passes(f, { ...base, week: 2896 })).toBe(false);
    expect(passes(f, { ...base, week: 2901 })).toBe(false);
  });

  it('reaches back to the first case when the window is the whole history', () => {
    const f = { ...defaultAnalysisFilters(2900), windowWeeks: 0 as const };
    expect(passes(f, { ...base, week: 10 })).toBe(true);
  });

  it('filters by kind, open or closed status and handling level', () => {
    const f = { ...defaultAnalysisFilters(2900), kinds: ['labour' as const], statuses: 'open' as const, levels: ['town' as const] };
    expect(passes(f, { ...base, kind: 'labour', level: 'town' })).toBe(true);
    expect(passes(f, { ...base, kind: 'land', level: 'town' })).toBe(false);
    expect(passes(f, { ...base, kind: 'labour', level: 'grid' })).toBe(false);
    expect(passes(f, { ...base, kind: 'labour', level: 'town', status: 'closed' })).toBe(false);
    expect(passes({ ...f, statuses: 'closed' }, { ...base, kind: 'labour', level: 'town', status: 'closed' })).toBe(true);
  });

  it('leaves out the kind and level tests when everything is chosen', () => {
    const filter = JSON.stringify(heatFilter(defaultAnalysisFilters(2900)));
    expect(filter).not.toContain('"kind"');
    expect(filter).not.toContain('"level"');
    expect(INCIDENT_KINDS.length + AREA_LEVELS.length).toBeGreaterThan(0);
  });
});

describe('heatLayer', () => {
  it('weighs incidents by severity and fades out where single cases are drawn', () => {
    const layer = heatLayer(defaultAnalysisFilters(2900));
    expect(layer.type).toBe('heatmap');
    expect(JSON.stringify(layer.paint?.['heatmap-weight'])).toContain('severity');
    expect(layer.maxzoom).toBe(17);
  });
});

describe('nextKinds', () => {
  it('narrows all kinds to the one clicked, toggles after that, and falls back to all when none is left', () => {
    expect(nextKinds(INCIDENT_KINDS, 'land')).toEqual(['land']);
    expect(nextKinds(['land'], 'neighbour')).toEqual(['neighbour', 'land']);
    expect(nextKinds(['neighbour', 'land'], 'land')).toEqual(['neighbour']);
    expect(nextKinds(['land'], 'land')).toEqual(INCIDENT_KINDS);
  });
});
