import { countyDayNumber } from '../time/county-time.ts';

/** Day number (days since 1970-01-01) of Monday 1970-01-05, where county week 0 begins. */
const FIRST_MONDAY_DAY = 4;

/**
 * The county week (Monday to Sunday at UTC+8) that an instant falls in, counted from the week
 * of Monday 1970-01-05: the heat map's playback steps through these.
 * @example countyWeekNumber(Date.parse('2025-01-06T00:00+08:00')) // 2870, a Monday
 */
export function countyWeekNumber(ms: number): number {
  return Math.floor((countyDayNumber(ms) - FIRST_MONDAY_DAY) / 7);
}

/** The day number of the Monday that begins county week `week`. */
export function dayNumberOfCountyWeek(week: number): number {
  return week * 7 + FIRST_MONDAY_DAY;
}
