import { clientConfigSchema, type ClientConfig } from '@gridmap/shared';
import { fetchJson } from './fetch-json.ts';

export const configKeys = { all: ['config'] as const };

/** `GET /api/config`: what the deployment configures for the client (a base map, for now). */
export function fetchConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return fetchJson('/api/config', clientConfigSchema, signal);
}
