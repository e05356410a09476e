import { errorBodySchema } from '@gridmap/shared';
import type { z } from 'zod';

/** A non-2xx answer of the API, carrying the error body's code when there is one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
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
  if (!response.ok) {
    const body = errorBodySchema.safeParse(await response.json().catch(() => null));
    throw new ApiRequestError(
      response.status,
      body.success ? body.data.code : null,
      body.success ? body.data.message : `GET ${path}: HTTP ${response.status}`,
    );
  }
  return schema.parse(await response.json());
}
