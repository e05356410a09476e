import { healthSchema, type Health } from '@gridmap/shared';
import { fetchJson } from './fetch-json.ts';

export const healthKeys = { all: ['health'] as const };

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return fetchJson('/api/health', healthSchema, signal);
}
