/**
 * The county's clock. Zhuji, like all of China, keeps Asia/Shanghai time: UTC+8 all year, no
 * daylight saving, so a fixed offset is exact and needs no time-zone database. A "day" in a
 * filter, a tile or a report is a county day, midnight to midnight in this zone, not a UTC day.
 */
export const COUNTY_UTC_OFFSET_MINUTES = 480;
/** The IANA name of the county's zone, for Intl formatting. */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const COUNTY_OFFSET_MS = COUNTY_UTC_OFFSET_MINUTES * MINUTE_MS;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/** A stretch of time in ms since the epoch, `start` inclusive and `end` exclusive. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** Days since 1970-01-01 of the county day that the instant `ms` falls in. */
export function countyDayNumber(ms: number): number {
  return Math.floor((ms + COUNTY_OFFSET_MS) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01, as `countyDayNumber` gives). */
export function isoDateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The county day ('YYYY-MM-DD') of an instant given as ISO text or ms since the epoch.
 * @example countyDay('2024-12-31T17:00:00Z') // '2025-01-01': 01:00 in the county
 */
export function countyDay(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: '${instant}'`);
  return isoDateOfDayNumber(countyDayNumber(ms));
}

/**
 * Reads an ISO date or date-time as the span it names: a date alone (`2025-01-31`) is that whole
 * county day, from its midnight at UTC+8 to the next; a date-time with `Z` or an offset is the
 * instant it states (start = end). Throws a RangeError naming the text when it is not of that
 * form or names a day or time that does not exist (`2024-02-30`, `2025-13-01`, `T24:00`).
 * @example parseCountyTime('2025-01-01').start === Date.parse('2025-01-01T00:00+08:00')
 */
export function parseCountyTime(text: string): TimeSpan {
  const date = DATE_ONLY.exec(text);
  if (date) {
    const day = calendarDayNumber(text, +date[1], +date[2], +date[3]);
    const start = day * DAY_MS - COUNTY_OFFSET_MS;
    return { start, end: start + DAY_MS };
  }
  const m = DATE_TIME.exec(text);
  if (!m) throw new RangeError(`'${text}' is not an ISO date (YYYY-MM-DD) or date-time with a zone`);
  const [, , , , hh, mi, ss = '0', fraction = '', zulu, sign, oh, om] = m;
  if (+hh > 23 || +mi > 59 || +ss > 59) throw new RangeError(`'${text}' names a time of day that does not exist`);
  if (!zulu && (+oh > 23 || +om > 59)) throw new RangeError(`'${text}' has an impossible UTC offset`);
  const day = calendarDayNumber(text, +m[1], +m[2], +m[3]);
  const offsetMs = zulu ? 0 : (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * MINUTE_MS;
  const fractionMs = fraction === '' ? 0 : Math.floor(Number(fraction) * 1000);
  const ms = day * DAY_MS + ((+hh * 60 + +mi) * 60 + +ss) * 1000 + fractionMs - offsetMs;
  return { start: ms, end: ms };
}

/** Days since 1970-01-01 of a proleptic Gregorian date; throws when the date does not exist. */
function calendarDayNumber(text: string, year: number, month: number, day: number): number {
  if (month < 1 || month > 12) throw new RangeError(`'${text}' has no month ${month}`);
  const daysInMonth = new Date(utcMs(year, month, 0)).getUTCDate(); // day 0: the last of `month`
  if (day < 1 || day > daysInMonth) {
    throw new RangeError(`'${text}' is not a calendar date: month ${month} of ${year} has ${daysInMonth} days`);
  }
  return Math.round(utcMs(year, month - 1, day) / DAY_MS);
}

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
function utcMs(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}
