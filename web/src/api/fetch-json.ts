import { errorBodySchema } from '@gridmap/shared';
import type { z } from 'zod';

/** A non-2xx answer of the API, carrying the error body's code when there is one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** The request field the error names, when it names one. */
    readonly field: string | null = null,
    /** Seconds the server asks to wait (Retry-After), when it says. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** GET `path` and parse the JSON body with `schema`; the API's answers are never trusted as is. */
export async function fetchJson<S extends z.ZodTypeAny>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  return parsed(response, `GET ${path}`, schema);
}

/** The signed-in session's CSRF token, sent with every write (see session/). */
let csrfToken: string | null = null;

/** Sets (or clears) the token every write carries as X-CSRF-Token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function writeHeaders(): Record<string, string> {
  return {
    accept: 'application/json',
    'content-type': 'application/json',
    ...(csrfToken !== null && { 'x-csrf-token': csrfToken }),
  };
}

/** POST `body` as JSON to `path` and parse the answer with `schema`; a 4xx carries code, message and field. */
export async function postJson<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  const response = await fetch(path, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) });
  return parsed(response, `POST ${path}`, schema);
}

/** PUT `body` as JSON to `path` and parse the answer with `schema`. */
export async function putJson<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  const response = await fetch(path, { method: 'PUT', headers: writeHeaders(), body: JSON.stringify(body) });
  return parsed(response, `PUT ${path}`, schema);
}

/** POST a multipart form (an upload) to `path`; the browser sets its content type and boundary. */
export async function postForm<S extends z.ZodTypeAny>(path: string, form: FormData, schema: S): Promise<z.infer<S>> {
  const { 'content-type': _, ...headers } = writeHeaders();
  const response = await fetch(path, { method: 'POST', headers, body: form });
  return parsed(response, `POST ${path}`, schema);
}

/** DELETE `path`; throws an ApiRequestError on a non-2xx answer. */
export async function deleteRequest(path: string): Promise<void> {
  const response = await fetch(path, { method: 'DELETE', headers: writeHeaders() });
  if (!response.ok) await parsed(response, `DELETE ${path}`, errorBodySchema);
}

/** The body parsed with `schema`, or an ApiRequestError from the error body of a non-2xx answer. */
async function parsed<S extends z.ZodTypeAny>(response: Response, request: string, schema: S): Promise<z.infer<S>> {
  if (!response.ok) {
    const error = errorBodySchema.safeParse(await response.json().catch(() => null));
    throw new ApiRequestError(
      response.status,
      error.success ? error.data.code : null,
      error.success ? error.data.message : `${request}: HTTP ${response.status}`,
      error.success ? (error.data.field ?? null) : null,
      response.headers.has('retry-after') ? Number(response.headers.get('retry-after')) : null,
    );
  }
  return schema.parse(await response.json());
}
