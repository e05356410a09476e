/** A span of time in the one unit a glance needs: whole days, else hours, else minutes. */
export interface Span {
  unit: 'days' | 'hours' | 'minutes';
  value: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** `ms` (≥ 0) rounded down to its largest whole unit, e.g. 26 h → 1 day, 59 min → 59 minutes. */
export function span(ms: number): Span {
  const abs = Math.max(0, ms);
  if (abs >= DAY_MS) return { unit: 'days', value: Math.floor(abs / DAY_MS) };
  if (abs >= HOUR_MS) return { unit: 'hours', value: Math.floor(abs / HOUR_MS) };
  return { unit: 'minutes', value: Math.floor(abs / MINUTE_MS) };
}

/** Time left to a deadline at `nowMs`, or how far past it the case is. */
export function countdown(deadlineIso: string, nowMs: number): Span & { overdue: boolean } {
  const left = Date.parse(deadlineIso) - nowMs;
  return { ...span(Math.abs(left)), overdue: left < 0 };
}
