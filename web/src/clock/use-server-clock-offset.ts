import { useQuery } from '@tanstack/react-query';
import { healthQueryOptions } from '../panels/top-bar/health-query.ts';
import { clockOffsetMs } from './server-clock.ts';

/**
 * How far the server's clock is ahead of ours, in ms; pass it to serverNow. Deadlines and the
 * "recent" window are counted against the server's clock, which decides `overdue` too, so that
 * a browser with a wrong clock does not disagree with the map. 0 until health answers.
 */
export function useServerClockOffset(): number {
  const health = useQuery(healthQueryOptions);
  return health.data ? clockOffsetMs(health.data.serverTime, health.dataUpdatedAt) : 0;
}
