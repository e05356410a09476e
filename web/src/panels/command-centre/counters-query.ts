import { queryOptions } from '@tanstack/react-query';
import { fetchIncidentCounters } from '../../api/incident-writes-api.ts';
import { incidentKeys } from '../../api/points-api.ts';

/** Counters refresh on every live change (see live/use-live-stream.ts) and at least this often, in ms, as deadlines pass. */
const COUNTERS_REFRESH_MS = 60_000;

export const countersQueryOptions = queryOptions({
  queryKey: incidentKeys.counters(),
  queryFn: ({ signal }) => fetchIncidentCounters(signal),
  refetchInterval: COUNTERS_REFRESH_MS,
});
