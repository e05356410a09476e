/** Where two segments cross: `t` along the first (0..1), `u` along the second, and the point. */
export interface SegmentCrossing {
  t: number;
  u: number;
  x: number;
  y: number;
  /** +1 when the second segment crosses the first from its right to its left, -1 otherwise. */
  side: 1 | -1;
}

/**
 * The proper crossing of segment p1→p2 with segment q1→q2, or null when they do not cross.
 * Throws when they touch or overlap (an endpoint exactly on the other segment): the callers
 * build a planar subdivision from random lattices, where that has probability ~0, and a
 * silent guess would break the subdivision.
 */
export function segmentCrossing(
  p1x: number, p1y: number, p2x: number, p2y: number,
  q1x: number, q1y: number, q2x: number, q2y: number,
): SegmentCrossing | null {
  const o1 = (q2x - q1x) * (p1y - q1y) - (q2y - q1y) * (p1x - q1x);
  const o2 = (q2x - q1x) * (p2y - q1y) - (q2y - q1y) * (p2x - q1x);
  if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) return null;
  const o3 = (p2x - p1x) * (q1y - p1y) - (p2y - p1y) * (q1x - p1x);
  const o4 = (p2x - p1x) * (q2y - p1y) - (p2y - p1y) * (q2x - p1x);
  if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) return null;
  if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) {
    throw new Error(
      `Degenerate contact between segments (${p1x}, ${p1y})-(${p2x}, ${p2y}) and (${q1x}, ${q1y})-(${q2x}, ${q2y})`,
    );
  }
  const t = o1 / (o1 - o2);
  const u = o3 / (o3 - o4);
  return { t, u, x: q1x + u * (q2x - q1x), y: q1y + u * (q2y - q1y), side: o4 > 0 ? 1 : -1 };
}
