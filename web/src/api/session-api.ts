import { sessionSchema, type Session } from '@gridmap/shared';
import { deleteRequest, fetchJson, postJson } from './fetch-json.ts';

export const sessionKeys = { all: ['session'] as const };

/** Who is signed in, or null. */
export function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  return fetchJson('/api/session', sessionSchema.nullable(), signal);
}

export function signIn(username: string, password: string): Promise<Session> {
  return postJson('/api/session', { username, password }, sessionSchema);
}

export function signOut(): Promise<void> {
  return deleteRequest('/api/session');
}
