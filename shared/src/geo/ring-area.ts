import type { Position } from 'geojson';

/**
 * Signed area of a ring by the shoelace formula, in square degrees: positive when the ring
 * runs counter-clockwise (RFC 7946 outer rings), negative when clockwise (holes). The ring may
 * be open or closed (a repeated first position adds nothing).
 */
export function signedRingArea(ring: readonly Position[]): number {
  // Relative to the first position, so that tiny rings far from (0, 0) keep their precision.
  let twice = 0;
  const n = ring.length;
  const ox = ring[0][0], oy = ring[0][1];
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    twice += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return twice / 2;
}
