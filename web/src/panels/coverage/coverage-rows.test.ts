import { describe, expect, it } from 'vitest';
import { coverageRows, formatShare } from './coverage-rows.ts';

describe('coverageRows', () => {
  it('lists the areas of a level, the worst served first', () => {
    const rows = coverageRows({
      distanceM: 3000,
      kinds: ['labour'],
      areas: [
        { areaId: 1, level: 'county', name: '县', households: 30, uncovered: { labour: 9 } },
        { areaId: 2, level: 'town', name: '甲镇', households: 10, uncovered: { labour: 1 } },
        { areaId: 3, level: 'town', name: '乙镇', households: 20, uncovered: { labour: 8 } },
        { areaId: 4, level: 'town', name: '丙镇', households: 0, uncovered: { labour: 0 } },
      ],
    }, 'labour', 'town');
    expect(rows.map((r) => [r.name, r.share])).toEqual([['乙镇', 0.4], ['甲镇', 0.1], ['丙镇', 0]]);
  });
});

describe('formatShare', () => {
  it('keeps a decimal for small shares only', () => {
    expect(formatShare(0.0423)).toBe('4.2%');
    expect(formatShare(0.372)).toBe('37%');
  });
});
