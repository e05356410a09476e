import { z } from 'zod';

/** Error codes of the API; the HTTP status each one maps to is beside it. */
export const ERROR_STATUS = {
  bad_request: 400, // a parameter or body field is malformed; `field` names it
  unauthorized: 401, // no session, or it expired: sign in
  forbidden: 403, // signed in, but the role or the area does not allow it
  not_found: 404, // an unknown id or route
  conflict: 409, // a write that lost a race or is not allowed in this state
  payload_too_large: 413,
  too_many_requests: 429, // sign-in attempts slowed down after failures; see Retry-After
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every error response: `{ code, message, field?, requestId }`. */
export const errorBodySchema = z.object({
  code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  field: z.string().optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
