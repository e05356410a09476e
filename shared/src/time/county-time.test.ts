import { describe, expect, it } from 'vitest';
import { COUNTY_UTC_OFFSET_MINUTES, countyDay, countyDayNumber, isoDateOfDayNumber, parseCountyTime } from './county-time.ts';

describe('countyDay', () => {
  it('puts an instant after 16:00 UTC on the next county day', () => {
    expect(countyDay('2024-12-31T15:59:59Z')).toBe('2024-12-31');
    expect(countyDay('2024-12-31T16:00:00Z')).toBe('2025-01-01');
  });

  it('reads instants with an offset and ms since the epoch alike', () => {
    expect(countyDay('2025-01-01T00:30:00+08:00')).toBe('2025-01-01');
    expect(countyDay(Date.parse('2025-03-01T23:30:00+08:00'))).toBe('2025-03-01');
  });

  it('throws naming text that is no instant', () => {
    expect(() => countyDay('soon')).toThrow(/'soon'/);
  });
});

describe('countyDayNumber', () => {
  it('counts days since 1970-01-01 in the county calendar, which isoDateOfDayNumber writes back', () => {
    const day = countyDayNumber(Date.parse('2025-06-30T20:00:00Z'));
    expect(isoDateOfDayNumber(day)).toBe('2025-07-01');
    expect(COUNTY_UTC_OFFSET_MINUTES).toBe(8 * 60);
  });
});

describe('parseCountyTime', () => {
  it('reads a bare date as the whole county day, midnight to midnight at UTC+8', () => {
    expect(parseCountyTime('2025-01-01')).toEqual({
      start: Date.parse('2025-01-01T00:00:00+08:00'),
      end: Date.parse('2025-01-02T00:00:00+08:00'),
    });
  });

  it('takes a date-time with Z or an offset as the instant it states', () => {
    const ms = Date.parse('2025-01-01T01:00:00Z');
    expect(parseCountyTime('2025-01-01T09:00:00+08:00')).toEqual({ start: ms, end: ms });
    expect(parseCountyTime('2025-01-01T01:00Z')).toEqual({ start: ms, end: ms });
    expect(parseCountyTime('2025-01-01T09:00:00.250+0800').start).toBe(ms + 250);
  });

  it('accepts the 29th of February in a leap year only', () => {
    expect(parseCountyTime('2024-02-29').start).toBe(Date.parse('2024-02-29T00:00:00+08:00'));
    expect(() => parseCountyTime('2025-02-29')).toThrow(/month 2 of 2025 has 28 days/);
  });

  it.each(['2024-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-01T24:00Z', '2025-01-01T10:60Z', '2025-01-01T10:00+25:00'])(
    'rejects %s, which does not exist, naming it',
    (text) => {
      expect(() => parseCountyTime(text)).toThrow(new RegExp(`'${text.replace('+', '\\+')}'`));
    },
  );

  it.each(['yesterday', '2025-1-1', '2025-01-01T10:00', '2025-01-01 10:00Z', ''])('rejects %j, which is not ISO with a zone', (text) => {
    expect(() => parseCountyTime(text)).toThrow(/not an ISO date/);
  });
});
