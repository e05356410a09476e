import type { Warning } from '@gridmap/shared';
import type { Translate } from '../../i18n/translator.ts';

/** The relation of a q-value as people read it after "q": "< 0.001" below that, else "= " and two significant digits. */
export function formatQ(q: number): string {
  return q < 0.001 ? '< 0.001' : `= ${q.toPrecision(2)}`;
}

/**
 * The reason of a warning in the user's language, from the figures the API sends (see
 * shared/src/hotspots/early-warnings.ts for each type's figures).
 */
export function warningReason(w: Pick<Warning, 'type' | 'figures'>, t: Translate): string {
  const f = w.figures;
  switch (w.type) {
    case 'rising_area':
      return f.rateRatio < 0
        ? t('warnings.reason.rising_area.new', { recentDays: f.recentDays, recent: f.recent, baselineDays: f.baselineDays, q: formatQ(f.qValue) })
        : t('warnings.reason.rising_area', {
            recentDays: f.recentDays,
            recent: f.recent,
            baselineDays: f.baselineDays,
            baseline: f.baseline,
            ratio: f.rateRatio,
            q: formatQ(f.qValue),
          });
    case 'emerging_hotspot':
      return t('warnings.reason.emerging_hotspot', {
        recentDays: f.recentDays,
        confidence: f.confidence,
        z: f.z,
        baselineDays: f.baselineDays,
        baselineZ: f.baselineZ,
        recent: f.recent,
      });
    case 'repeat_address':
      return t('warnings.reason.repeat_address', { days: f.windowDays, count: f.count });
    case 'near_deadline':
      return t('warnings.reason.near_deadline', { hours: f.hoursLeft });
  }
}
