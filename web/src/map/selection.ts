import type { AreaTreeLevel } from '@gridmap/shared';

export type LngLat = [lon: number, lat: number];

/**
 * What the detail panel shows: the feature the user clicked, or picked in the panel. Points
 * carry where they are drawn (for the ring that marks them); an area picked in the panel asks
 * with `fit` for the map to frame it.
 */
export type Selection =
  | { kind: 'area'; id: number; level: AreaTreeLevel; fit?: boolean }
  | { kind: 'incident'; id: number; at: LngLat }
  | { kind: 'household'; id: number; at: LngLat }
  | { kind: 'mediationPoint'; id: number; at: LngLat };

/** True when both name the same feature. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.id === b.id;
}

/** Where the selected point is drawn, or null for an area (which is outlined instead). */
export function selectedPointAt(selection: Selection | null): LngLat | null {
  return selection && selection.kind !== 'area' ? selection.at : null;
}
