import { can, type Permission, type Session } from '@gridmap/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { setCsrfToken } from '../api/fetch-json.ts';
import { fetchSession, sessionKeys } from '../api/session-api.ts';

export const sessionQueryOptions = queryOptions({
  queryKey: sessionKeys.all,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: Infinity,
});

/** The signed-in session (null when signed out), with its CSRF token installed for every write. */
export function useSession(): { session: Session | null; pending: boolean } {
  const query = useQuery(sessionQueryOptions);
  const session = query.data ?? null;
  useEffect(() => setCsrfToken(session?.csrfToken ?? null), [session]);
  return { session, pending: query.isPending };
}

/** Whether the UI offers what `permission` allows: what the signed-in role may do (nothing signed out). */
export function allows(session: Session | null, permission: Permission): boolean {
  return session !== null && can(session.account.role, permission);
}
