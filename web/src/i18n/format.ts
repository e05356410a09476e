import type { Locale } from './translator.ts';

/** Every date of the demo county is read in its own time zone, whatever the browser's. */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai';
const MS_PER_DAY = 86_400_000;

export interface Formatters {
  number: (value: number) => string;
  /** Figures like households per worker: at most one decimal. */
  decimal: (value: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** Hours and minutes in county time: '08:05'. */
  time: (iso: string) => string;
  /** Month, day, hours and minutes in county time, for recent events: '6/1 08:05'. */
  dayTime: (iso: string) => string;
}

/** Number and date formatters of a locale: Latin digits, the locale's separators, county time. */
export function createFormatters(locale: Locale): Formatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { timeZone: COUNTY_TIME_ZONE, dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: COUNTY_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone: COUNTY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dayTime = new Intl.DateTimeFormat(locale, {
    timeZone: COUNTY_TIME_ZONE, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return {
    number: (value) => integer.format(value),
    decimal: (value) => decimal.format(value),
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    dayTime: (iso) => dayTime.format(new Date(iso)),
  };
}

/**
 * Whole calendar days from `now` to `deadline` in county time: positive days left, 0 due
 * today, negative overdue. Calendar days, not 24-hour spans, because a case due "tomorrow"
 * reads as 1 day left at any hour today.
 */
export function daysUntil(deadlineIso: string, now: Date): number {
  return countyDayNumber(new Date(deadlineIso)) - countyDayNumber(now);
}

/** Days since the epoch of the calendar date in Asia/Shanghai (UTC+8, no daylight saving). */
function countyDayNumber(instant: Date): number {
  const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}
