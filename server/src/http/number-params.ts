import { parseCountyTime } from '@gridmap/shared';
import { z } from 'zod';

/** A plain decimal number: optional minus, digits, optional fraction; no exponent, hex or spaces. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal number in [min, max] (`lon=120.25`). */
export function decimalParam(name: string, min: number, max: number) {
  return z.string().transform((text, ctx) => {
    const n = DECIMAL.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `${name} '${text}' must be a decimal number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });
}

/** A whole number in plain decimal digits in [min, max] (`k=5`). */
export function integerParam(name: string, min: number, max: number) {
  return z.string().transform((text, ctx) => {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(Number.isSafeInteger(n) && n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `${name} '${text}' must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * An instant: an ISO date-time with `Z` or an offset (`2025-06-02T22:00+08:00`), as ms since
 * the epoch. A bare date is refused: "open at 2025-06-02" does not say at what hour.
 */
export function instantParam(name: string) {
  return z.string().transform((text, ctx) => {
    try {
      const span = parseCountyTime(text);
      if (span.start === span.end) return span.start;
      ctx.addIssue({ code: 'custom', message: `${name} '${text}' is a day; give a date-time such as 2025-06-02T22:00+08:00` });
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `${name}: ${(err as Error).message}` });
    }
    return z.NEVER;
  });
}
