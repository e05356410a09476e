import { countyWeekNumber, heatCollectionSchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { getJson, useTinyCountyApp } from '../test/test-app.ts';
import { TINY_NOW } from '../test/tiny-county.ts';

describe('GET /api/heat', () => {
  const t = useTinyCountyApp();

  it('carries every incident with its county week, kind, status, level and severity', async () => {
    const { status, body } = await getJson(t.current.app, '/api/heat');
    expect(status).toBe(200);
    const heat = heatCollectionSchema.parse(body);
    expect(heat.features).toHaveLength(8);
    // Incident 7, 2024-12-31T23:00Z, is 07:00 on Wednesday 1 January 2025 in the county: the
    // week that began on Monday 30 December 2024.
    expect(heat.features[6].properties).toEqual({
      week: countyWeekNumber(Date.parse('2024-12-30T00:00:00+08:00')),
      kind: 'traffic',
      status: 'referred',
      level: 'grid',
      severity: 2,
    });
    expect(heat.nowWeek).toBe(countyWeekNumber(Date.parse(TINY_NOW)));
    expect(heat.firstWeek).toBe(countyWeekNumber(Date.parse('2024-03-01T02:00:00Z')));
  });

  it('answers 304 to a client holding the current copy', async () => {
    const first = await t.current.app.request('/api/heat');
    const again = await t.current.app.request('/api/heat', { headers: { 'If-None-Match': first.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });
});
