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

/** POST `body` as JSON to `path` and parse the answer with `schema`; a 4xx carries code, message and field. */
export async function postJson<S extends z.ZodTypeAny>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parsed(response, `POST ${path}`, schema);
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
    );
  }
  return schema.parse(await response.json());
}
