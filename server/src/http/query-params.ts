import { z } from 'zod';
import { parseCountyTime, type TimeSpan } from '@gridmap/shared';
import type { Bbox } from '../db/bbox-sql.ts';

/** Features per page of a point layer unless `limit` says otherwise. */
export const DEFAULT_PAGE_LIMIT = 1_000;
/** Largest page a client may ask for (issue 2: GIS tools page through a layer with it). */
export const MAX_PAGE_LIMIT = 10_000;

/** `bbox=minLon,minLat,maxLon,maxLat`: four finite numbers, min < max, inside lon/lat range. */
export const bboxParam = z.string().transform((text, ctx): Bbox => {
  const parts = text.split(',');
  const numbers = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message: `bbox '${text}': ${message}` });
    return z.NEVER;
  };
  if (parts.length !== 4) return fail('expected minLon,minLat,maxLon,maxLat');
  if (!numbers.every(Number.isFinite)) return fail('every value must be a finite number');
  const [minLon, minLat, maxLon, maxLat] = numbers;
  if (minLon < -180 || maxLon > 180) return fail('longitudes must lie in [-180, 180]');
  if (minLat < -90 || maxLat > 90) return fail('latitudes must lie in [-90, 90]');
  if (!(minLon < maxLon && minLat < maxLat)) return fail('min must be less than max');
  return [minLon, minLat, maxLon, maxLat];
});

/** Plain decimal digits of a positive integer, no sign, exponent, prefix or leading zero. */
const POSITIVE_DECIMAL = /^[1-9]\d*$/;

/**
 * The id that `text` writes as a positive integer in plain decimal, up to
 * Number.MAX_SAFE_INTEGER; null otherwise ('1e3', '0x10', '007', '', '9007199254740993').
 */
export function parseId(text: string): number | null {
  if (!POSITIVE_DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** A positive integer id written in plain decimal digits, at most Number.MAX_SAFE_INTEGER. */
export const idParam = z.string().transform((text, ctx) => {
  const id = parseId(text);
  if (id === null) {
    ctx.addIssue({ code: 'custom', message: `'${text}' is not an id: expected a positive integer in decimal digits, at most ${Number.MAX_SAFE_INTEGER}` });
    return z.NEVER;
  }
  return id;
});

/** The `:id` path parameter of a single-resource route. */
export const idPathParams = z.object({ id: idParam });

/** `limit`: a page size in plain decimal digits, 1..MAX_PAGE_LIMIT. */
export const limitParam = z
  .string()
  .transform((text, ctx) => {
    const n = POSITIVE_DECIMAL.test(text) ? Number(text) : NaN;
    if (!(n <= MAX_PAGE_LIMIT)) {
      ctx.addIssue({ code: 'custom', message: `limit '${text}' must be an integer from 1 to ${MAX_PAGE_LIMIT} in decimal digits` });
      return z.NEVER;
    }
    return n;
  })
  .default(DEFAULT_PAGE_LIMIT);

/**
 * The paging cursor: base64url of the last id returned. Opaque to clients; decoded to that id,
 * which must be an id as `parseId` reads it, in the very encoding this API gives out.
 */
export const cursorParam = z.string().transform((text, ctx) => {
  const id = parseId(Buffer.from(text, 'base64url').toString('utf8'));
  if (id === null || encodeCursor(id) !== text) {
    ctx.addIssue({ code: 'custom', message: `cursor '${text}' is not one this API gave out` });
    return z.NEVER;
  }
  return id;
});

/** `limit` and `cursor`, the paging parameters every point layer reads. */
export const pagingParams = {
  limit: limitParam,
  cursor: cursorParam.optional(),
};

export function encodeCursor(lastId: number): string {
  return Buffer.from(String(lastId), 'utf8').toString('base64url');
}

/** A comma-separated list of catalogue values, e.g. `status=reported,accepted`. */
export function commaListParam<T extends string>(name: string, values: readonly T[]) {
  return z.string().transform((text, ctx): T[] => {
    const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
    const unknown = parts.filter((p) => !(values as readonly string[]).includes(p));
    if (parts.length === 0 || unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${name} '${unknown[0] ?? text}'; expected a comma list of ${values.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(parts)] as T[];
  });
}

/**
 * An ISO date or date-time as the span it names (see `parseCountyTime`): a date alone is the
 * whole county day (UTC+8), so that `from=2025-01-01&to=2025-01-31` is all of January in the
 * county; a date-time with `Z` or an offset is that instant. Days that do not exist are rejected.
 */
export function isoDateParam(name: string) {
  return z.string().transform((text, ctx): TimeSpan => {
    try {
      return parseCountyTime(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `${name}: ${(err as Error).message}` });
      return z.NEVER;
    }
  });
}

/**
 * A query object that answers 400 naming any parameter it does not know, so that a typo
 * (`areaid=5`) is an error rather than a silently unfiltered layer.
 */
export function queryObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown query parameter '${issue.keys[0]}'; this route reads ${known || 'none'}`
        : undefined,
  });
}
