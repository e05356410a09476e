import type { AreaLevel } from '@gridmap/shared';

export type LngLat = [lon: number, lat: number];

/** What the detail panel shows: the feature the user clicked, or picked in a breadcrumb. */
export type Selection =
  | { kind: 'area'; id: number; level: AreaLevel }
  | { kind: 'incident'; id: number; at: LngLat }
  | { kind: 'household'; id: number; at: LngLat }
  | { kind: 'mediationPoint'; id: number };

/** True when both name the same feature. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.id === b.id;
}
