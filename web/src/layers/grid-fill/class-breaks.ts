/**
 * Quantile class breaks of `values` for at most `classes` classes: ascending thresholds where
 * a value v belongs to class i when breaks[i-1] <= v < breaks[i]. Where a quantile repeats the
 * previous break (skewed data: most grids with 0 open incidents), the next larger value is
 * taken instead, so that classes stay non-empty and the low end is not lumped together.
 * quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4) -> [3, 5, 7]
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new Error(`Invalid class count: ${classes}`);
  }
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i += 1) {
    const last = breaks.length > 0 ? breaks[breaks.length - 1] : sorted[0];
    let q = sorted[Math.floor((i * sorted.length) / classes)];
    if (q <= last) {
      const next = sorted.find((value) => value > last);
      if (next === undefined) break;
      q = next;
    }
    breaks.push(q);
  }
  return breaks;
}

/** `count` colours spread evenly over a light-to-dark palette, so the top class is always darkest. */
export function classColours(palette: readonly string[], count: number): string[] {
  if (count < 1) return [];
  if (count === 1) return [palette[Math.floor((palette.length - 1) / 2)]];
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))]);
}

export interface ClassRange {
  /** Smallest value of the class. */
  from: number;
  /** Largest value of the class, null for the open top class. */
  to: number | null;
  colour: string;
}

/**
 * The classes for a legend of integer figures: [min, b1 - 1], [b1, b2 - 1], … [bn, ∞).
 * `min` is the smallest value in the data.
 */
export function classRanges(min: number, breaks: readonly number[], colours: readonly string[]): ClassRange[] {
  const starts = [min, ...breaks];
  return starts.map((from, i) => ({
    from,
    to: i < breaks.length ? breaks[i] - 1 : null,
    colour: colours[i],
  }));
}
