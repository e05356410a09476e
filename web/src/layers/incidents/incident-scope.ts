import { countyDay, OPEN_STATUSES } from '@gridmap/shared';
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { IS_BIN, IS_POINT } from '../tile-source.ts';

/**
 * Which incidents the map shows. A command centre watches the cases in hand, not two years of
 * closed ones: 'open' (在办) by default, 'recent' adds what was reported in the last
 * RECENT_DAYS, 'all' is the whole record.
 */
export const INCIDENT_SCOPES = ['open', 'recent', 'all'] as const;
export type IncidentScope = (typeof INCIDENT_SCOPES)[number];

/** The window of the 'recent' scope, in days back from the server's today. */
export const RECENT_DAYS = 90;
const MS_PER_DAY = 86_400_000;

/**
 * First day inside the recent window: the county day (UTC+8, see countyDay) of `now` less `days`,
 * as 'YYYY-MM-DD'. The tiles' `reportedDay` is a county day too, so a plain string comparison
 * selects the window, whatever time zone the browser is in.
 * @example recentCutoffDay(new Date('2025-06-30T12:00:00Z'), 90) // '2025-04-01'
 * @example recentCutoffDay(new Date('2025-06-30T17:00:00Z'), 90) // '2025-04-02': 01:00 in the county
 */
export function recentCutoffDay(now: Date, days: number = RECENT_DAYS): string {
  return countyDay(now.getTime() - days * MS_PER_DAY);
}

/** True for a point feature whose status is open (OPEN_STATUSES). */
export const IS_OPEN: ExpressionSpecification = ['in', ['get', 'status'], ['literal', [...OPEN_STATUSES]]];

/** What a scope changes on the incident layers: which points and bins draw and what a bin counts. */
export interface IncidentScopeStyle {
  pointFilter: FilterSpecification;
  binFilter: FilterSpecification;
  /** The bin property its size follows: `open` when only open cases are shown, else `count`. */
  binCountProperty: 'open' | 'count';
  binRadius: DataDrivenPropertyValueSpecification<number>;
}

/**
 * The filters and bin sizing of a scope. Bins only know `count` and `open`, not when their cases
 * were reported: under 'recent' they count every case (the legend says so).
 */
export function incidentScopeStyle(scope: IncidentScope, cutoffDay: string): IncidentScopeStyle {
  const isPoint = IS_POINT as unknown as ExpressionSpecification;
  const isBin = IS_BIN as unknown as ExpressionSpecification;
  const pointFilter: FilterSpecification =
    scope === 'open'
      ? ['all', isPoint, IS_OPEN]
      : scope === 'recent'
        ? ['all', isPoint, ['any', IS_OPEN, ['>=', ['to-string', ['get', 'reportedDay']], cutoffDay]]]
        : isPoint;
  const binCountProperty = scope === 'open' ? 'open' : 'count';
  return {
    pointFilter,
    binFilter: scope === 'open' ? ['all', isBin, ['>', ['get', 'open'], 0]] : isBin,
    binCountProperty,
    // Radius in pixels grows with the square root of the count, so the area reads as the count.
    binRadius: ['interpolate', ['linear'], ['sqrt', ['get', binCountProperty]], 1, 1.5, 5, 4, 15, 8, 40, 13],
  };
}
