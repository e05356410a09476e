import { z } from 'zod';
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

/** A positive integer id written in decimal digits. */
export const idParam = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'expected a positive integer id')
  .transform(Number);

/** The `:id` path parameter of a single-resource route. */
export const idPathParams = z.object({ id: idParam });

export const limitParam = z.coerce
  .number({ message: 'limit must be an integer' })
  .int('limit must be an integer')
  .min(1, 'limit must be at least 1')
  .max(MAX_PAGE_LIMIT, `limit must be at most ${MAX_PAGE_LIMIT}`)
  .default(DEFAULT_PAGE_LIMIT);

/**
 * The paging cursor: base64url of the last id returned. Opaque to clients; decoded to that id.
 */
export const cursorParam = z.string().transform((text, ctx) => {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  if (!/^\d{1,16}$/.test(decoded) || encodeCursor(Number(decoded)) !== text) {
    ctx.addIssue({ code: 'custom', message: `cursor '${text}' is not one this API gave out` });
    return z.NEVER;
  }
  return Number(decoded);
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * An ISO date (`2024-05-01`, UTC) or date-time with a zone (`2024-05-01T08:00:00+08:00`),
 * normalised to `toISOString()`. With `endOfDay`, a date alone means the end of that day, so
 * that `to=2024-05-31` includes the 31st.
 */
export function isoDateParam(name: string, endOfDay = false) {
  return z.string().transform((text, ctx) => {
    const ms = DATE_ONLY.test(text) || DATE_TIME.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: `${name} '${text}' is not an ISO date or date-time with a zone` });
      return z.NEVER;
    }
    return new Date(endOfDay && DATE_ONLY.test(text) ? ms + DAY_MS : ms).toISOString();
  });
}
