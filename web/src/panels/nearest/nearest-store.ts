import { useSyncExternalStore } from 'react';

/** Where a nearest search starts: a place clicked on the map, or an incident (the server reads its place and kind). */
export type NearestOrigin =
  | { kind: 'place'; at: [number, number] }
  | { kind: 'incident'; id: number; at: [number, number] };

let current: NearestOrigin | null = null;
const listeners = new Set<() => void>();

/**
 * Opens the nearest-mediation panel from anywhere (the map's context menu, the incident
 * panel's button) without threading a callback through every panel in between.
 */
export function openNearest(origin: NearestOrigin | null): void {
  current = origin;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The search the panel shows, or null when it is closed. */
export function useNearestOrigin(): NearestOrigin | null {
  return useSyncExternalStore(subscribe, () => current);
}
