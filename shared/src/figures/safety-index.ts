/**
 * 平安指数, the safety index of an area and period, 0–100 (higher is safer), written down so
 * that anyone can recompute it:
 *
 *   index = 100 × (0.40 × load + 0.25 × success + 0.20 × local + 0.15 × onTime)
 *
 *   load    = 1 / (1 + r / SAFETY_REFERENCE_RATE), where r is the severity-weighted number of
 *             incidents reported per 1,000 households per year (severity 1, 2, 3 weigh 1, 2, 3):
 *             the population normalisation; an area at the reference rate scores 0.5, a quiet one
 *             nears 1, and the term never goes negative however busy an area is.
 *   success = mediation success rate (调解成功率), resolved / concluded;
 *   local   = 矛盾不上交率, resolved at the level it arose / concluded;
 *   onTime  = 1 − overdue / reported.
 *
 * A term whose denominator is 0 (nothing concluded yet, nothing reported) counts as 1: nothing
 * has gone wrong. An area with no households has no index (null): there is no one to normalise by.
 */
export const SAFETY_WEIGHTS = { load: 0.4, success: 0.25, local: 0.2, onTime: 0.15 } as const;

/**
 * Severity-weighted incidents per 1,000 households per year at which the load term is 0.5.
 * About the demo county's own rate (61,600 cases over two years, 400,000 households, mean
 * severity ~1.3: ~100), so that the county itself sits in the middle of the scale.
 */
export const SAFETY_REFERENCE_RATE = 100;

const DAYS_PER_YEAR = 365;

export interface SafetyInputs {
  severityWeight: number;
  households: number;
  /** Length of the period in days. */
  periodDays: number;
  reported: number;
  resolved: number;
  concluded: number;
  resolvedAtOrigin: number;
  overdue: number;
}

/** The safety index (see the formula above), rounded to one decimal, or null without households. */
export function safetyIndex(x: SafetyInputs): number | null {
  if (x.households <= 0 || x.periodDays <= 0) return null;
  const ratePerYear = (x.severityWeight / x.households) * 1000 * (DAYS_PER_YEAR / x.periodDays);
  const load = 1 / (1 + ratePerYear / SAFETY_REFERENCE_RATE);
  const success = x.concluded > 0 ? x.resolved / x.concluded : 1;
  const local = x.concluded > 0 ? x.resolvedAtOrigin / x.concluded : 1;
  const onTime = x.reported > 0 ? 1 - x.overdue / x.reported : 1;
  const w = SAFETY_WEIGHTS;
  const index = 100 * (w.load * load + w.success * success + w.local * local + w.onTime * onTime);
  return Math.round(index * 10) / 10;
}
