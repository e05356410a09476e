import { describe, expect, it } from 'vitest';
import { createFormatters, daysUntil } from './format.ts';

describe('createFormatters', () => {
  it('formats numbers with Latin digits and thousands separators in both languages', () => {
    expect(createFormatters('zh-CN').number(412345)).toBe('412,345');
    expect(createFormatters('en').number(412345)).toBe('412,345');
  });

  it('keeps at most one decimal for ratios', () => {
    expect(createFormatters('en').decimal(187.46)).toBe('187.5');
  });

  it('reads dates in county time, whatever the machine zone', () => {
    // 16:30 UTC on 31 Dec is already 1 January in Shanghai.
    expect(createFormatters('zh-CN').date('2024-12-31T16:30:00Z')).toBe('2025年1月1日');
    expect(createFormatters('en').date('2024-12-31T16:30:00Z')).toBe('Jan 1, 2025');
  });

  it('shows date and time in 24-hour county time', () => {
    expect(createFormatters('en').dateTime('2025-03-04T06:05:00Z')).toBe('Mar 4, 2025, 14:05');
  });
});

describe('daysUntil', () => {
  const now = new Date('2025-06-10T02:00:00Z'); // 10:00 on 10 June in Shanghai

  it('counts calendar days left to a deadline', () => {
    expect(daysUntil('2025-06-13T01:00:00Z', now)).toBe(3);
  });

  it('is 0 on the day of the deadline, whatever the hour', () => {
    expect(daysUntil('2025-06-10T15:00:00Z', now)).toBe(0);
  });

  it('is negative once the deadline has passed', () => {
    expect(daysUntil('2025-06-07T03:00:00Z', now)).toBe(-3);
  });
});
