import { describe, expect, it } from 'vitest';
import { figureChange, formatFigure, siblingRank } from './figure-format.ts';

describe('formatFigure', () => {
  it('writes counts grouped, shares as percent and days with one decimal', () => {
    expect(formatFigure('reported', 12345, 'en')).toBe('12,345');
    expect(formatFigure('mediationSuccessRate', 0.8123, 'zh-CN')).toBe('81.2%');
    expect(formatFigure('medianDaysToResolve', 3.05, 'en')).toBe('3.1');
    expect(formatFigure('notEscalatedRate', null, 'en')).toBe('—');
  });
});

describe('figureChange', () => {
  it('says whether a change is for the better by the figure’s direction', () => {
    expect(figureChange('open', 12, 10, 'en')).toEqual({ direction: 'up', better: false, text: '+2' });
    expect(figureChange('safetyIndex', 80.4, 78.1, 'en')).toEqual({ direction: 'up', better: true, text: '+2.3' });
    expect(figureChange('mediationSuccessRate', 0.7, 0.75, 'en')).toEqual({ direction: 'down', better: false, text: '-5 pp' });
    expect(figureChange('reported', 5, 5, 'en')?.direction).toBe('same');
    expect(figureChange('reported', 5, null, 'en')).toBeNull();
  });
});

describe('siblingRank', () => {
  it('ranks 1 for the best, lower is better for counts of trouble and higher for rates of success', () => {
    expect(siblingRank('overdue', 3, [3, 1, 7, null])).toBe(2);
    expect(siblingRank('safetyIndex', 90, [80, 90, 95])).toBe(2);
  });
});
