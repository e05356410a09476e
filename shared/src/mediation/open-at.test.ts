import { describe, expect, it } from 'vitest';
import { isOpenAt, minutesOfDay } from './open-at.ts';

const WEEKDAYS = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
const ALWAYS = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }];

describe('isOpenAt', () => {
  it('reads the instant on the county clock (UTC+8)', () => {
    // Monday 2025-06-02 09:00 in the county is 01:00 UTC.
    expect(isOpenAt(WEEKDAYS, Date.parse('2025-06-02T01:00:00Z'))).toBe(true);
    // Monday 08:29 county time is closed; 08:30 is open; 17:30 is closed again.
    expect(isOpenAt(WEEKDAYS, Date.parse('2025-06-02T00:29:00Z'))).toBe(false);
    expect(isOpenAt(WEEKDAYS, Date.parse('2025-06-02T00:30:00Z'))).toBe(true);
    expect(isOpenAt(WEEKDAYS, Date.parse('2025-06-02T09:30:00Z'))).toBe(false);
  });

  it('uses the county weekday, not the UTC one', () => {
    // Sunday 2025-06-01 20:00 UTC is Monday 04:00 in the county; Friday 17:00 UTC is Saturday 01:00.
    expect(isOpenAt([{ days: [1], open: '00:00', close: '05:00' }], Date.parse('2025-06-01T20:00:00Z'))).toBe(true);
    expect(isOpenAt(WEEKDAYS, Date.parse('2025-06-06T17:00:00Z'))).toBe(false);
    expect(isOpenAt([{ days: [6], open: '00:00', close: '02:00' }], Date.parse('2025-06-06T17:00:00Z'))).toBe(true);
  });

  it('keeps a 24-hour room open at midnight and late at night', () => {
    expect(isOpenAt(ALWAYS, Date.parse('2025-06-01T16:00:00Z'))).toBe(true);
    expect(isOpenAt(ALWAYS, Date.parse('2025-06-01T15:59:59Z'))).toBe(true);
  });

  it('is closed with no hours at all', () => {
    expect(isOpenAt([], Date.parse('2025-06-02T01:00:00Z'))).toBe(false);
  });

  it('reads HH:MM as minutes, 24:00 as the end of the day', () => {
    expect(minutesOfDay('08:30')).toBe(510);
    expect(minutesOfDay('24:00')).toBe(1440);
  });
});
