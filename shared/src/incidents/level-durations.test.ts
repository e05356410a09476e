import { describe, expect, it } from 'vitest';
import { levelDurations } from './level-durations.ts';

const H = 3_600_000;

describe('level durations', () => {
  it('splits the time between the levels a case passed through', () => {
    const steps = [
      { at: '2026-03-01T00:00:00.000Z', toLevel: 'grid' as const },
      { at: '2026-03-01T02:00:00.000Z', toLevel: 'grid' as const },
      { at: '2026-03-01T05:00:00.000Z', toLevel: 'community' as const },
    ];
    expect(levelDurations(steps, '2026-03-01T09:00:00.000Z')).toEqual({ county: 0, town: 0, community: 4 * H, grid: 5 * H });
  });

  it('stops counting at the end even when later events exist', () => {
    const steps = [
      { at: '2026-03-01T00:00:00.000Z', toLevel: 'grid' as const },
      { at: '2026-03-02T00:00:00.000Z', toLevel: 'town' as const },
    ];
    expect(levelDurations(steps, '2026-03-01T06:00:00.000Z')).toEqual({ county: 0, town: 0, community: 0, grid: 6 * H });
  });
});
