import type { QueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../api/session-api.ts';

/**
 * Signed out (or the session ended): the sign-in page takes the screen, and nothing fetched as
 * that account stays in memory for the next person at the screen. The session goes null first,
 * so the app unmounts before its queries are dropped.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionKeys.all, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
}
