import { describe, expect, it } from 'vitest';
import { countdown, span } from './countdown.ts';

describe('countdowns', () => {
  it('uses the largest whole unit', () => {
    expect(span(26 * 3_600_000)).toEqual({ unit: 'days', value: 1 });
    expect(span(59 * 60_000)).toEqual({ unit: 'minutes', value: 59 });
    expect(span(5 * 3_600_000 + 1)).toEqual({ unit: 'hours', value: 5 });
  });

  it('counts down to a deadline and then past it', () => {
    const deadline = '2025-06-10T00:00:00.000Z';
    expect(countdown(deadline, Date.parse('2025-06-07T12:00:00Z'))).toEqual({ unit: 'days', value: 2, overdue: false });
    expect(countdown(deadline, Date.parse('2025-06-10T03:00:00Z'))).toEqual({ unit: 'hours', value: 3, overdue: true });
  });
});
