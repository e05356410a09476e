/**
 * Below this, a count of people-describing things in an area (key-group households, say) can
 * point at one household to someone who knows the street, so read-only roles get it withheld
 * (the usual threshold of statistical disclosure control for small-area tables).
 */
export const MIN_SHOWN_COUNT = 5;

/** The count as a read-only role may see it: null (shown as '<5') for 1–4; 0 and ≥5 as they are. */
export function suppressSmallCount(n: number): number | null {
  return n > 0 && n < MIN_SHOWN_COUNT ? null : n;
}
