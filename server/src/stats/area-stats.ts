import {
  areaFigures,
  childLevel,
  previousPeriod,
  type AreaStats,
  type ChildrenStats,
  type Figure,
  type ResolvedPeriod,
} from '@gridmap/shared';
import { breakdowns, childStatsAreas, monthlySeries, tallyAreas, type InstantRange, type StatsArea } from '../db/stats-sql.ts';
import type { Db } from '../db/open-db.ts';

function instants(period: ResolvedPeriod): InstantRange {
  return { from: new Date(period.start).toISOString(), to: new Date(period.end).toISOString() };
}

const periodOut = ({ from, to, days }: ResolvedPeriod) => ({ from, to, days });
const ref = ({ id, name, level, households }: StatsArea) => ({ id, name, level, households });

/** Every month ('YYYY-MM') the period touches, so that a month without cases shows as 0. */
function monthsOf(period: ResolvedPeriod): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (;;) {
    const text = `${year}-${String(month).padStart(2, '0')}`;
    months.push(text);
    if (text >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** The figures of `area` over `period` with the previous period, its siblings, months and breakdowns. */
export function areaStats(db: Db, area: StatsArea, period: ResolvedPeriod, now: Date): AreaStats {
  const previous = previousPeriod(period);
  const siblings = area.parentId === null ? [] : childStatsAreas(db, area.parentId);
  const current = tallyAreas(db, siblings.length > 0 ? siblings.map((s) => s.id) : [area.id], instants(period), now);
  const before = tallyAreas(db, [area.id], instants(previous), now).get(area.id)!;
  const byMonth = new Map(monthlySeries(db, area.id, instants(period)).map((point) => [point.month, point]));
  return {
    area: { ...ref(area), parentId: area.parentId },
    period: periodOut(period),
    previousPeriod: periodOut(previous),
    figures: areaFigures(current.get(area.id)!, area.households, period.days),
    previous: areaFigures(before, area.households, previous.days),
    siblings: siblings.map((s) => ({ ...ref(s), figures: areaFigures(current.get(s.id)!, s.households, period.days) })),
    monthly: monthsOf(period).map((month) => byMonth.get(month) ?? { month, reported: 0, resolved: 0, open: 0 }),
    ...breakdowns(db, area.id, instants(period)),
  };
}

/** Every child of `area` with its figures over `period` and the value of `figure`, for a choropleth. */
export function childrenStats(db: Db, area: StatsArea, figure: Figure, period: ResolvedPeriod, now: Date): ChildrenStats {
  const children = childStatsAreas(db, area.id);
  const tallies = tallyAreas(db, children.map((c) => c.id), instants(period), now);
  return {
    figure,
    period: periodOut(period),
    childLevel: childLevel(area.level),
    children: children.map((child) => {
      const figures = areaFigures(tallies.get(child.id)!, child.households, period.days);
      return { ...ref(child), value: figures[figure], figures };
    }),
  };
}
