import { DEFAULT_STATS_PERIOD_DAYS, type StatsPeriod } from '../api/stats-api.ts';
import { COUNTY_UTC_OFFSET_MINUTES, countyDayNumber, isoDateOfDayNumber, parseCountyTime } from '../time/county-time.ts';

const DAY_MS = 86_400_000;

/** A period of whole county days with the instants it spans: [start, end) in ms. */
export interface ResolvedPeriod extends StatsPeriod {
  start: number;
  end: number;
}

function periodOfDays(firstDay: number, lastDay: number): ResolvedPeriod {
  const start = firstDay * DAY_MS - COUNTY_UTC_OFFSET_MINUTES * 60_000;
  const days = lastDay - firstDay + 1;
  return { from: isoDateOfDayNumber(firstDay), to: isoDateOfDayNumber(lastDay), days, start, end: start + days * DAY_MS };
}

/**
 * The period of the figures from optional county days `from` and `to` (both inclusive,
 * 'YYYY-MM-DD'): `to` defaults to today in the county, `from` to DEFAULT_STATS_PERIOD_DAYS
 * days before it ends. Throws a RangeError naming the day when a day does not exist or
 * `from` is after `to`.
 * @example statsPeriod('2025-01-01', '2025-01-31', now).days // 31
 */
export function statsPeriod(from: string | undefined, to: string | undefined, now: Date): ResolvedPeriod {
  const dayOf = (text: string) => countyDayNumber(parseCountyTime(text).start);
  const lastDay = to === undefined ? countyDayNumber(now.getTime()) : dayOf(to);
  const firstDay = from === undefined ? lastDay - DEFAULT_STATS_PERIOD_DAYS + 1 : dayOf(from);
  if (firstDay > lastDay) throw new RangeError(`from ${isoDateOfDayNumber(firstDay)} is after to ${isoDateOfDayNumber(lastDay)}`);
  return periodOfDays(firstDay, lastDay);
}

/** The same number of days just before `period`: what each figure is compared with. */
export function previousPeriod(period: ResolvedPeriod): ResolvedPeriod {
  const firstDay = countyDayNumber(period.start);
  return periodOfDays(firstDay - period.days, firstDay - 1);
}
