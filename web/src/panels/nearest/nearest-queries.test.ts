import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator.ts';
import { formatDistance } from './format-distance.ts';
import { nearestPath } from './nearest-queries.ts';

describe('nearestPath', () => {
  it('asks by place with the chosen kind, time and level', () => {
    const path = nearestPath({ kind: 'place', at: [120.2345678, 29.7] }, { disputeKind: 'labour', openAt: '2026-11-02T02:00:00.000Z', level: 'town', k: 5 });
    expect(path).toBe('/api/mediation-points/nearest?lon=120.234568&lat=29.700000&disputeKind=labour&k=5&openAt=2026-11-02T02%3A00%3A00.000Z&level=town');
  });

  it("asks from an incident without a kind: the server uses the incident's own", () => {
    const path = nearestPath({ kind: 'incident', id: 42, at: [120, 29] }, { disputeKind: 'labour', openAt: null, level: null, k: 3 });
    expect(path).toBe('/api/incidents/42/nearest-mediation?k=3');
  });
});

describe('formatDistance', () => {
  it('reads metres under a kilometre and kilometres above', () => {
    const zh = createTranslator('zh-CN');
    expect(formatDistance(847, zh)).toBe('850 米');
    expect(formatDistance(2_449, zh)).toBe('2.4 公里');
    expect(formatDistance(12_000, createTranslator('en'))).toBe('12.0 km');
  });
});
