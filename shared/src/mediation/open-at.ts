import { COUNTY_UTC_OFFSET_MINUTES, countyDayNumber } from '../time/county-time.ts';
import type { OpeningPeriod } from './mediation-catalogue.ts';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1_440;
/** ISO weekday of day number 0 (1970-01-01, a Thursday). */
const EPOCH_ISO_WEEKDAY = 4;

/** Minutes since midnight of 'HH:MM' ('24:00' is 1440, the end of the day). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Whether a place with these opening hours is open at the instant `ms` (ms since the epoch), read
 * on the county's clock (UTC+8): some period lists the county weekday and `open ≤ time < close`.
 * @example isOpenAt([{ days: [1], open: '08:30', close: '17:30' }], Date.parse('2025-06-02T01:00Z')) // true: Monday 09:00
 */
export function isOpenAt(hours: readonly OpeningPeriod[], ms: number): boolean {
  const day = countyDayNumber(ms);
  const weekday = ((((day + EPOCH_ISO_WEEKDAY - 1) % 7) + 7) % 7) + 1;
  const minute = Math.floor((ms + COUNTY_UTC_OFFSET_MINUTES * MINUTE_MS) / MINUTE_MS) - day * DAY_MINUTES;
  return hours.some(
    (p) => p.days.includes(weekday) && minutesOfDay(p.open) <= minute && minute < minutesOfDay(p.close),
  );
}
