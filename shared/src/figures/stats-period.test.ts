import { describe, expect, it } from 'vitest';
import { previousPeriod, statsPeriod } from './stats-period.ts';

const NOW = new Date('2025-06-30T20:00:00Z'); // 04:00 on 1 July in the county

describe('statsPeriod', () => {
  it('spans whole county days from midnight UTC+8, both ends included', () => {
    const p = statsPeriod('2025-01-01', '2025-01-31', NOW);
    expect(p).toMatchObject({ from: '2025-01-01', to: '2025-01-31', days: 31 });
    expect(new Date(p.start).toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(new Date(p.end).toISOString()).toBe('2025-01-31T16:00:00.000Z');
  });

  it('defaults to the year ending today in the county', () => {
    expect(statsPeriod(undefined, undefined, NOW)).toMatchObject({ from: '2024-07-02', to: '2025-07-01', days: 365 });
  });

  it('rejects a period whose start is after its end', () => {
    expect(() => statsPeriod('2025-02-01', '2025-01-31', NOW)).toThrow(/after/);
  });
});

describe('previousPeriod', () => {
  it('is the same number of days just before', () => {
    expect(previousPeriod(statsPeriod('2025-01-01', '2025-01-31', NOW))).toMatchObject({ from: '2024-12-01', to: '2024-12-31', days: 31 });
  });
});
