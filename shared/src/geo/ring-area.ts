import type { Position } from 'geojson';

/**
 * Signed area of a ring by the shoelace formula, in square degrees: positive when the ring
 * runs counter-clockwise (RFC 7946 outer rings), negative when clockwise (holes). The ring may
 * be open or closed (a repeated first position adds nothing).
 */
export function signedRingArea(ring: readonly Position[]): number {
  let twice = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}
