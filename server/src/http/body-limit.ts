import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors/api-error.ts';

// Body size limits by route family (issue 9): every route that takes a body refuses one over
// its family's limit with 413 before reading further. Incident writes (64 KiB), plans (8 MiB)
// and import uploads (40 MiB of file) keep their limits beside their routes.

/** A small JSON write: sign-in and sign-out, a grid's staff list, applying or restoring a plan, in bytes. */
export const MAX_SMALL_BODY_BYTES = 16 * 1024;
/** A record with lists in it: a mediation point (opening hours, kinds) or a saved import mapping, in bytes. */
export const MAX_RECORD_BODY_BYTES = 64 * 1024;

/**
 * Hono's bodyLimit answering through the one error path: 413 `payload_too_large`, naming
 * `field` when the body is one field (an upload). It trusts a Content-Length and otherwise counts
 * the bytes as they are read, so a chunked body cannot slip past.
 */
export function limitBody(maxBytes: number, field?: string): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `the request body is over the limit of ${maxBytes} bytes`, field);
    },
  });
}
