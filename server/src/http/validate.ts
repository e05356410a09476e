import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors/api-error.ts';

/**
 * zValidator that throws the ZodError instead of answering, so that every 400 goes through
 * the one error handler (which names the field). A query parameter given more than once is
 * 400 too: which of `limit=2&limit=3` was meant is a guess this API does not make.
 */
export function validate<Target extends keyof ValidationTargets, T extends z.ZodType>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (target === 'query') {
      for (const [name, values] of Object.entries(c.req.queries())) {
        if (values.length > 1) {
          throw new ApiError('bad_request', `query parameter '${name}' was given more than once (${values.length} times)`, name);
        }
      }
    }
    if (!result.success) throw result.error;
  });
}
