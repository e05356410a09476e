import type { Position } from 'geojson';
import { signedRingArea } from './ring-area.ts';

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Cleans a ring from a quantised source: drops consecutive duplicate positions and zero-width
 * spikes (A→B→A), then returns it closed and counter-clockwise (RFC 7946 outer ring).
 * Throws when fewer than three distinct positions remain.
 */
export function cleanRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [p[0], p[1]];
    if (out.length > 0 && same(out[out.length - 1], q)) continue;
    // A spike: we came back to where we were two steps ago, so the last step was there and back.
    if (out.length > 1 && same(out[out.length - 2], q)) {
      out.pop();
      continue;
    }
    out.push(q);
  }
  // The same two rules across the seam where the ring closes.
  for (let changed = true; changed && out.length > 2; ) {
    changed = true;
    const n = out.length;
    if (same(out[n - 1], out[0])) out.pop();
    else if (same(out[n - 2], out[0])) out.pop();
    else if (same(out[n - 1], out[1])) out.shift();
    else changed = false;
  }
  if (out.length < 3) throw new Error(`Ring has ${out.length} distinct positions after cleaning, need at least 3`);
  if (signedRingArea(out) < 0) out.reverse();
  out.push([out[0][0], out[0][1]]);
  return out;
}
