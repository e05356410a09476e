import {
  addToTally,
  areaFigures,
  childLevel,
  emptyTally,
  previousPeriod,
  type AreaStats,
  type ChildrenStats,
  type Figure,
  type IncidentTally,
  type MonthlyPoint,
  type ResolvedPeriod,
} from '@gridmap/shared';
import { memoUntilAreasChange } from '../db/memo-until-write.ts';
import type { Db } from '../db/open-db.ts';
import { areaParents, childStatsAreas, type StatsArea } from '../db/stats-sql.ts';
import type { Breakdowns } from './breakdowns.ts';
import { firstReportedAtOrAfter, incidentStatsStore, type IncidentStatsStore } from './incident-stats-store.ts';

// The tree changes only with the areas; incident writes, many a minute, leave it.
const parentsOf = memoUntilAreasChange(areaParents);

/** For each grid id, the index in `targets` of the target holding it (targets are disjoint), or none. */
function gridTargets(db: Db, targets: readonly number[]): Map<number, number> {
  const parents = parentsOf(db);
  const index = new Map(targets.map((id, i) => [id, i]));
  const result = new Map<number, number>();
  for (const id of parents.keys()) {
    // Walk up from every area; only grids hold incidents, but the walk is the same.
    for (let at: number | null | undefined = id; at != null; at = parents.get(at)) {
      const i = index.get(at);
      if (i !== undefined) {
        result.set(id, i);
        break;
      }
    }
  }
  return result;
}

/** The tallies of `targets` over [start, end), and a visit of every incident counted for target `focus`. */
function tallyTargets(
  store: IncidentStatsStore,
  targetOf: Map<number, number>,
  count: number,
  start: number,
  end: number,
  now: number,
  visitFocus?: { index: number; visit: (i: number) => void },
): IncidentTally[] {
  const tallies = Array.from({ length: count }, emptyTally);
  for (let i = firstReportedAtOrAfter(store, start); i < store.count && store.reportedMs[i] < end; i++) {
    const t = targetOf.get(store.gridId[i]);
    if (t === undefined) continue;
    const c = store.classes[i];
    addToTally(tallies[t], c, store.severity[i], c.open && store.deadlineMs[i] < now);
    if (visitFocus && t === visitFocus.index) visitFocus.visit(i);
  }
  return tallies;
}

const periodOut = ({ from, to, days }: ResolvedPeriod) => ({ from, to, days });
const ref = ({ id, name, level, households }: StatsArea) => ({ id, name, level, households });

/** Every month ('YYYY-MM') the period touches, so that a month without cases shows as 0. */
export function monthsOf(period: { from: string; to: string }): string[] {
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
  const store = incidentStatsStore(db);
  const previous = previousPeriod(period);
  const siblings = area.parentId === null ? [] : childStatsAreas(db, area.parentId);
  const targets = siblings.length > 0 ? siblings.map((s) => s.id) : [area.id];
  const self = targets.indexOf(area.id);
  const targetOf = gridTargets(db, targets);

  const months = new Map(monthsOf(period).map((month): [string, MonthlyPoint] => [month, { month, reported: 0, resolved: 0, open: 0 }]));
  const split: Breakdowns = { byKind: {}, bySource: {}, byLevel: {}, byStatus: {} };
  const add = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const current = tallyTargets(store, targetOf, targets.length, period.start, period.end, now.getTime(), {
    index: self,
    visit: (i) => {
      const point = months.get(store.month[i]);
      if (point) {
        point.reported += 1;
        if (store.classes[i].resolved) point.resolved += 1;
        if (store.classes[i].open) point.open += 1;
      }
      add(split.byKind, store.kind[i]);
      add(split.bySource, store.source[i]);
      add(split.byLevel, store.level[i]);
      add(split.byStatus, store.status[i]);
    },
  });
  const before = tallyTargets(store, targetOf, targets.length, previous.start, previous.end, now.getTime())[self];
  return {
    area: { ...ref(area), parentId: area.parentId },
    period: periodOut(period),
    previousPeriod: periodOut(previous),
    figures: areaFigures(current[self], area.households, period.days),
    previous: areaFigures(before, area.households, previous.days),
    siblings: siblings.map((s, i) => ({ ...ref(s), figures: areaFigures(current[i], s.households, period.days) })),
    monthly: [...months.values()],
    ...split,
  };
}

/** Every child of `area` with its figures over `period` and the value of `figure`, for a choropleth. */
export function childrenStats(db: Db, area: StatsArea, figure: Figure, period: ResolvedPeriod, now: Date): ChildrenStats {
  const children = childStatsAreas(db, area.id);
  const ids = children.map((c) => c.id);
  const tallies = tallyTargets(incidentStatsStore(db), gridTargets(db, ids), ids.length, period.start, period.end, now.getTime());
  return {
    figure,
    period: periodOut(period),
    childLevel: childLevel(area.level),
    children: children.map((child, i) => {
      const figures = areaFigures(tallies[i], child.households, period.days);
      return { ...ref(child), value: figures[figure], figures };
    }),
  };
}

/** The tallies of `areaIds` (disjoint areas) over [start, end) at `now`, for tests and tools. */
export function tallyAreas(db: Db, areaIds: readonly number[], start: number, end: number, now: Date): IncidentTally[] {
  return tallyTargets(incidentStatsStore(db), gridTargets(db, areaIds), areaIds.length, start, end, now.getTime());
}
