import {
  addToTally,
  areaFigures,
  childLevel,
  emptyTally,
  previousPeriod,
  type AreaStats,
  type ChildrenStats,
  type Figure,
  type IncidentClass,
  type IncidentTally,
  type MonthlyPoint,
  type ResolvedPeriod,
} from '@gridmap/shared';
import { memoUntilAreasChange } from '../db/memo-until-write.ts';
import type { Db } from '../db/open-db.ts';
import { areaParents, childStatsAreas, type StatsArea } from '../db/stats-sql.ts';
import type { Breakdowns } from './breakdowns.ts';
import { positionsFor } from './county-positions.ts';
import {
  classAt,
  firstReportedAtOrAfter,
  incidentStatsStore,
  kindAt,
  levelAt,
  monthIndex,
  sourceAt,
  statusAt,
  type IncidentStatsStore,
} from './incident-stats-store.ts';

/**
 * Each area's parent as an array by id (−1: none, or no such area), for fast walks up the tree.
 * The tree changes only with the areas; incident writes, many a minute, leave it.
 */
const parentsOf = memoUntilAreasChange((db: Db): Int32Array => {
  const parents = areaParents(db);
  let maxId = 0;
  for (const id of parents.keys()) maxId = Math.max(maxId, id);
  const byId = new Int32Array(maxId + 1).fill(-1);
  for (const [id, parent] of parents) byId[id] = parent ?? -1;
  return byId;
});

/**
 * For each area id, the index in `targets` of the target holding it (targets are disjoint), or
 * −1: an array by id rather than a map, as a province's figures look up millions of incidents.
 */
function gridTargets(db: Db, targets: readonly number[]): Int32Array {
  const parents = parentsOf(db);
  const result = new Int32Array(parents.length).fill(-1);
  targets.forEach((id, i) => {
    if (id < result.length) result[id] = i;
  });
  for (let id = 0; id < parents.length; id++) {
    // Walk up from every area to the first target; only grids hold incidents, but the walk is the same.
    let at = id;
    while (at >= 0 && result[at] < 0) at = parents[at];
    if (at >= 0) result[id] = result[at];
  }
  return result;
}

/** The tallies of `targets` over [start, end), and a visit of every incident counted for target `focus`. */
function tallyTargets(
  db: Db,
  store: IncidentStatsStore,
  targets: readonly number[],
  targetOf: Int32Array,
  start: number,
  end: number,
  now: number,
  visitFocus?: { index: number; visit: (i: number, c: IncidentClass) => void },
): IncidentTally[] {
  const tallies = Array.from({ length: targets.length }, emptyTally);
  const c: IncidentClass = { open: false, concluded: false, resolved: false, resolvedAtOrigin: false, resolveBucket: null };
  // Only the targets' counties when they lie in counties; else the period's stretch of the whole store.
  const only = positionsFor(db, store, targets, start, end);
  const from = only ? 0 : firstReportedAtOrAfter(store, start);
  const to = only ? only.length : firstReportedAtOrAfter(store, end);
  for (let k = from; k < to; k++) {
    const i = only ? only[k] : k;
    const t = targetOf[store.gridId[i]]; // undefined beyond the array: a grid made after the walk
    if (!(t >= 0)) continue;
    classAt(store, i, c);
    addToTally(tallies[t], c, store.severity[i], c.open && store.deadlineMs[i] < now);
    if (visitFocus && t === visitFocus.index) visitFocus.visit(i, c);
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

  const months = new Map(monthsOf(period).map((month): [number, MonthlyPoint] => [monthIndex(month), { month, reported: 0, resolved: 0, open: 0 }]));
  const split: Breakdowns = { byKind: {}, bySource: {}, byLevel: {}, byStatus: {} };
  const add = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const current = tallyTargets(db, store, targets, targetOf, period.start, period.end, now.getTime(), {
    index: self,
    visit: (i, c) => {
      const point = months.get(store.month[i]);
      if (point) {
        point.reported += 1;
        if (c.resolved) point.resolved += 1;
        if (c.open) point.open += 1;
      }
      add(split.byKind, kindAt(store, i));
      add(split.bySource, sourceAt(store, i));
      add(split.byLevel, levelAt(store, i));
      add(split.byStatus, statusAt(store, i));
    },
  });
  const before = tallyTargets(db, store, targets, targetOf, previous.start, previous.end, now.getTime())[self];
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
  const tallies = tallyTargets(db, incidentStatsStore(db), ids, gridTargets(db, ids), period.start, period.end, now.getTime());
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
  return tallyTargets(db, incidentStatsStore(db), areaIds, gridTargets(db, areaIds), start, end, now.getTime());
}
