import { queryOptions } from '@tanstack/react-query';
import { fetchHealth, healthKeys } from '../../api/health-api.ts';

/** How often the top bar's counts refresh, in ms: a wall screen is left open all day. */
const HEALTH_REFRESH_MS = 60_000;

export const healthQueryOptions = queryOptions({
  queryKey: healthKeys.all,
  queryFn: ({ signal }) => fetchHealth(signal),
  refetchInterval: HEALTH_REFRESH_MS,
});
