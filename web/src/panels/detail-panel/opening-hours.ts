import type { OpeningPeriod } from '@gridmap/shared';
import type { Translate } from '../../i18n/translator.ts';

/** Weekdays as runs: [1,2,3,5] -> [[1,3],[5,5]]. */
function dayRuns(days: readonly number[]): [number, number][] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/**
 * Opening hours as one line per period, e.g. '周一–周五 08:30–17:30'. Runs of three or more
 * days read as a range; two days are listed with the locale's separator ('周六、周日').
 */
export function formatOpeningHours(periods: readonly OpeningPeriod[], t: Translate): string[] {
  return periods.map((period) => {
    const days = dayRuns(period.days)
      .flatMap(([from, to]) => {
        const name = (day: number) => t(`weekday.${day}` as `weekday.${1 | 2 | 3 | 4 | 5 | 6 | 7}`);
        if (from === to) return [name(from)];
        if (to === from + 1) return [name(from), name(to)];
        return [`${name(from)}–${name(to)}`];
      })
      .join(t('weekday.separator'));
    return `${days} ${period.open}–${period.close}`;
  });
}
