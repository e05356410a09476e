/**
 * Early warning (研判预警) thresholds. Each rule of `early-warnings.ts` reads these and the
 * API states them beside the warnings, so that a reader can tell why a warning fired.
 */

/** Rising areas and emerging hot spots compare the last this many days… */
export const RECENT_PERIOD_DAYS = 28;
/** …with the this many days before them (a year of 52 weeks, so seasons weigh alike). */
export const BASELINE_PERIOD_DAYS = 364;
/** A rising grid has at least this many incidents in the recent period. */
export const RISING_MIN_RECENT_COUNT = 5;
/** …a recent daily rate at least this many times its baseline daily rate… */
export const RISING_MIN_RATE_RATIO = 2;
/**
 * …and a Poisson rate test that passes at this false-discovery rate across all grids
 * (Benjamini–Hochberg q-value): ~2,000 grids tested at once would give ~20 false alarms at p < 0.01.
 */
export const RISING_MAX_Q_VALUE = 0.01;
/**
 * Emerging hot spots look at the last this many days (two recent periods), against the
 * BASELINE_PERIOD_DAYS before them: a cluster that began building up a few weeks ago would
 * otherwise already colour its own baseline and never count as new.
 */
export const EMERGING_RECENT_DAYS = 56;
/** An emerging hot spot is a grid hot at this Gi* bin or above now (2: 95 % confidence after FDR)… */
export const EMERGING_MIN_BIN = 2;
/** …with at least this many incidents of its own in the recent period (Gi* also counts the neighbours')… */
export const EMERGING_MIN_RECENT_COUNT = 3;
/** …and that was at most this bin over the baseline period (0: not hot at all). */
export const EMERGING_MAX_BASELINE_BIN = 0;
/** Repeat address: at least this many incidents at one household (one address)… */
export const REPEAT_ADDRESS_MIN_COUNT = 3;
/** …reported within the last this many days. */
export const REPEAT_ADDRESS_WINDOW_DAYS = 90;
/** An open case is near its deadline when it falls due within this many hours (and is not yet overdue). */
export const NEAR_DEADLINE_HOURS = 72;
