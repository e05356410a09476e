import { ApiError } from './api-error.ts';

/**
 * `value`, or a 404 naming the `id` path parameter when the db function found nothing (they
 * answer null for not found; the route turns that into the error body).
 */
export function orNotFound<T>(value: T | null, what: string, id: number): T {
  if (value === null) throw new ApiError('not_found', `No ${what} with id ${id}`, 'id');
  return value;
}
