import type { StatsPeriod } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { ViewState } from '../../url-state/view-state.ts';

/** Preset periods, in days ending today; null is the server's default year. */
const PRESETS: { label: MessageKey; days: number | null }[] = [
  { label: 'area.period.last30', days: 30 },
  { label: 'area.period.last90', days: 90 },
  { label: 'area.period.year', days: null },
  { label: 'area.period.twoYears', days: 730 },
];

/** The county day `days` before `day` ('YYYY-MM-DD'). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export interface PeriodPickerProps {
  view: ViewState;
  onView: (view: ViewState) => void;
  today: string;
  period: StatsPeriod | undefined;
  previous: StatsPeriod | undefined;
}

/** Presets and two date fields for the period every figure and the table count over. */
export function PeriodPicker({ view, onView, today, period, previous }: PeriodPickerProps) {
  const { t } = useI18n();
  const presetOf = (days: number | null) =>
    days === null ? { from: null, to: null } : { from: daysBefore(today, days - 1), to: today };
  const isActive = (days: number | null) => {
    const p = presetOf(days);
    return p.from === view.from && p.to === view.to;
  };
  return (
    <div className="period-picker">
      <span className="period-label">{t('area.period')}</span>
      <div className="segmented" role="group" aria-label={t('area.period')}>
        {PRESETS.map(({ label, days }) => (
          <button key={label} type="button" aria-pressed={isActive(days)} className={isActive(days) ? 'active' : undefined} onClick={() => onView({ ...view, ...presetOf(days) })}>
            {t(label)}
          </button>
        ))}
      </div>
      <label className="no-print">
        {t('area.from')}
        <input type="date" value={view.from ?? period?.from ?? ''} max={view.to ?? today} onChange={(e) => e.target.value && onView({ ...view, from: e.target.value, to: view.to ?? period?.to ?? today })} />
      </label>
      <label className="no-print">
        {t('area.to')}
        <input type="date" value={view.to ?? period?.to ?? ''} onChange={(e) => e.target.value && onView({ ...view, to: e.target.value, from: view.from ?? period?.from ?? null })} />
      </label>
      {period && (
        <p className="period-text muted">
          {t('area.period.range', { from: period.from, to: period.to, days: period.days })}
          {previous && ` · ${t('area.period.previous', { from: previous.from, to: previous.to })}`}
        </p>
      )}
    </div>
  );
}
