import { z } from 'zod';
import { fetchJson } from './fetch-json.ts';

/**
 * `GET /api/config`: what a deployment configures for the client. Kept here rather than in
 * shared/src/api because only the web app reads it.
 */
export const clientConfigSchema = z.object({
  /** A MapLibre style URL to draw under our layers; null draws our own plain background. */
  basemapStyleUrl: z.string().nullable(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

export const configKeys = { all: ['config'] as const };

export function fetchConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return fetchJson('/api/config', clientConfigSchema, signal);
}
