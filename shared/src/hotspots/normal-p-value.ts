/**
 * Two-sided p-value of a standard normal z-score: P(|Z| ≥ |z|) = erfc(|z| / √2).
 * @example normalTwoSidedP(1.959964) // ≈ 0.05
 */
export function normalTwoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * The complementary error function, by the Chebyshev fit of Numerical Recipes (erfcc):
 * relative error below 1.2e-7 everywhere, enough for p-values compared with 0.1, 0.05, 0.01
 * and for the false-discovery-rate ranks of tens of thousands of cells.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
