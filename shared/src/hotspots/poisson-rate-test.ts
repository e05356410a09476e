/**
 * One-sided exact test that the rate of a recent period exceeds the baseline rate: given
 * `recent` events in `recentDays` and `baseline` events in `baselineDays`, under equal rates
 * the recent count out of the total is Binomial(recent + baseline, recentDays / (recentDays +
 * baselineDays)) (the conditional test of Przyborowski & Wileński, 1940). Returns P(X ≥ recent).
 * @example poissonRateRiseP(5, 0, 10, 10) // 1/32: all 5 fell in the half of time that is recent
 */
export function poissonRateRiseP(recent: number, baseline: number, recentDays: number, baselineDays: number): number {
  if (!(recentDays > 0 && baselineDays > 0)) throw new RangeError(`periods must be positive: ${recentDays}, ${baselineDays} days`);
  const n = recent + baseline;
  if (recent <= 0) return 1;
  const p = recentDays / (recentDays + baselineDays);
  return binomialUpperTail(recent, n, p);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space so that n in the thousands stays exact enough. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p >= 1) return 1;
  if (p <= 0) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  // log of C(n, k) p^k q^(n-k), then each next term by the ratio (n-j)/(j+1) · p/q.
  let logTerm = logChoose(n, k) + k * logP + (n - k) * logQ;
  let total = 0;
  for (let j = k; j <= n; j++) {
    total += Math.exp(logTerm);
    logTerm += Math.log((n - j) / (j + 1)) + logP - logQ;
  }
  return Math.min(1, total);
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const LOG_FACTORIALS: number[] = [0];
function logFactorial(n: number): number {
  for (let i = LOG_FACTORIALS.length; i <= n; i++) LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1] + Math.log(i);
  return LOG_FACTORIALS[n];
}
