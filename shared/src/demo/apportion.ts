/**
 * Splits `total` into whole shares proportional to `weights` (largest remainder), each share at
 * least `min` and at most `max[i]`. Throws when the bounds make it impossible.
 * @example apportion(10, [1, 1, 2], 1, [9, 9, 9]) // → [3, 2, 5] (ties go to the lower index)
 */
export function apportion(total: number, weights: readonly number[], min: number, max: readonly number[]): number[] {
  const n = weights.length;
  const minSum = n * min;
  const maxSum = max.reduce((a, b) => a + b, 0);
  if (total < minSum || total > maxSum) throw new Error(`Cannot split ${total} into ${n} shares of ${min}..max`);
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const quota = weights.map((w) => (total * w) / weightSum);
  const shares = quota.map((q, i) => Math.min(max[i], Math.max(min, Math.floor(q))));
  let sum = shares.reduce((a, b) => a + b, 0);
  while (sum < total) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (shares[i] >= max[i]) continue;
      if (best < 0 || quota[i] - shares[i] > quota[best] - shares[best]) best = i;
    }
    shares[best]++, sum++;
  }
  while (sum > total) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (shares[i] <= min) continue;
      if (best < 0 || quota[i] - shares[i] < quota[best] - shares[best]) best = i;
    }
    shares[best]--, sum--;
  }
  return shares;
}
