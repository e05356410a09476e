import type { Translate } from '../../i18n/translator.ts';

/** Below this a distance reads in metres, above in kilometres with one decimal. */
const METRES_UNTIL = 1_000;

/** A distance for the list: '850 米' under a kilometre, '2.4 公里' above (rounded down to 10 m / 100 m). */
export function formatDistance(metres: number, t: Translate): string {
  if (metres < METRES_UNTIL) return t('nearest.distanceM', { m: Math.round(metres / 10) * 10 });
  return t('nearest.distanceKm', { km: (Math.round(metres / 100) / 10).toFixed(1) });
}
