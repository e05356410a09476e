/**
 * Benjamini–Hochberg adjusted p-values (q-values): q_(k) = min over j ≥ k of p_(j) m / j, capped
 * at 1, for p sorted ascending. Rejecting every q ≤ α keeps the expected share of false
 * discoveries at or below α (Benjamini & Hochberg 1995), the same cells as the step-up rule.
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const m = p.length;
  const order = Uint32Array.from({ length: m }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  const q = new Float64Array(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (p[i] * m) / rank);
    q[i] = running;
  }
  return q;
}
