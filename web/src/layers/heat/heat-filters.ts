import { AREA_LEVELS, INCIDENT_KINDS, OPEN_STATUSES, type AreaLevel, type IncidentKind } from '@gridmap/shared';
import type { FilterSpecification } from 'maplibre-gl';

export const HEAT_STATUS_SCOPES = ['all', 'open', 'closed'] as const;
export type HeatStatusScope = (typeof HEAT_STATUS_SCOPES)[number];

/** Window lengths offered, in county weeks; 0 means every week up to the slider. */
export const HEAT_WINDOW_WEEKS = [4, 13, 52, 0] as const;
export type HeatWindowWeeks = (typeof HEAT_WINDOW_WEEKS)[number];

/** What the heat map and the hot-spot analysis look at. */
export interface AnalysisFilters {
  /** The window's last county week (the slider), inclusive. */
  toWeek: number;
  windowWeeks: HeatWindowWeeks;
  kinds: readonly IncidentKind[];
  statuses: HeatStatusScope;
  levels: readonly AreaLevel[];
}

export const DEFAULT_WINDOW_WEEKS: HeatWindowWeeks = 13;

/** Everything, ending at `nowWeek`. */
export function defaultAnalysisFilters(nowWeek: number): AnalysisFilters {
  return { toWeek: nowWeek, windowWeeks: DEFAULT_WINDOW_WEEKS, kinds: INCIDENT_KINDS, statuses: 'all', levels: AREA_LEVELS };
}

/** The first county week of the window; -Infinity for the whole history up to `toWeek`. */
export function windowFromWeek(f: AnalysisFilters): number {
  return f.windowWeeks === 0 ? -Infinity : f.toWeek - f.windowWeeks + 1;
}

/**
 * The heat layer's filter over the `/api/heat` points: county week inside the window, and kind,
 * status and handling level among those chosen. Changing it costs a filter update, no request.
 */
export function heatFilter(f: AnalysisFilters): FilterSpecification {
  const from = windowFromWeek(f);
  const parts: FilterSpecification[] = [['<=', ['get', 'week'], f.toWeek]];
  if (Number.isFinite(from)) parts.push(['>=', ['get', 'week'], from]);
  if (f.kinds.length < INCIDENT_KINDS.length) parts.push(['in', ['get', 'kind'], ['literal', [...f.kinds]]]);
  if (f.statuses !== 'all') {
    const open: FilterSpecification = ['in', ['get', 'status'], ['literal', [...OPEN_STATUSES]]];
    parts.push(f.statuses === 'open' ? open : ['!', open]);
  }
  if (f.levels.length < AREA_LEVELS.length) parts.push(['in', ['get', 'level'], ['literal', [...f.levels]]]);
  return ['all', ...parts] as FilterSpecification;
}

/**
 * The kinds after a click on `kind`: from all kinds, only that one; otherwise it is toggled,
 * and none left means all again (an empty map is never what a click meant).
 */
export function nextKinds(kinds: readonly IncidentKind[], kind: IncidentKind): readonly IncidentKind[] {
  if (kinds.length === INCIDENT_KINDS.length) return [kind];
  const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
  return next.length === 0 ? INCIDENT_KINDS : INCIDENT_KINDS.filter((k) => next.includes(k));
}
