import type { GridVersion } from '@gridmap/shared';

/** One change to a community's grids: a plan applied, or the boundaries as first recorded. */
export interface HistoryEvent {
  /** Null for the first boundaries (seeded or imported, before any plan). */
  planId: number | null;
  /** When the change took effect (ISO); null for the first boundaries. */
  at: string | null;
  author: string;
  reason: string;
  grids: { gridId: number; name: string; version: number; retired: boolean }[];
}

/**
 * The versions of a community's grids as a list of changes, newest first: the versions one plan
 * recorded together make one change, and the first recorded version of each grid (no plan)
 * makes the first boundaries, last in the list.
 */
export function historyEvents(versions: readonly GridVersion[]): HistoryEvent[] {
  const byPlan = new Map<number | null, HistoryEvent>();
  for (const v of versions) {
    let event = byPlan.get(v.planId);
    if (!event) {
      event = { planId: v.planId, at: v.planId === null ? null : v.validFrom, author: v.author, reason: v.reason, grids: [] };
      byPlan.set(v.planId, event);
    }
    event.grids.push({ gridId: v.gridId, name: v.name, version: v.version, retired: v.geometry === null });
  }
  return [...byPlan.values()].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}

/**
 * The instant to restore the boundaries of `event` from: when it took effect, or for the first
 * boundaries, just before the first change (they were in force until then). Null when there is
 * nothing to restore (no change has been made yet).
 */
export function restoreInstant(event: HistoryEvent, events: readonly HistoryEvent[]): string | null {
  if (event.at !== null) return event.at;
  const firstChange = events.map((e) => e.at).filter((at): at is string => at !== null).sort()[0];
  return firstChange === undefined ? null : new Date(Date.parse(firstChange) - 1).toISOString();
}
