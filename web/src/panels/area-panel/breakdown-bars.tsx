import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

export interface BreakdownBarsProps {
  title: string;
  /** Catalogue values in display order. */
  keys: readonly (string | number)[];
  counts: Partial<Record<string, number>>;
  /** The catalogue key prefix of the labels, e.g. 'incidentKind'. */
  labelPrefix: string;
  colours?: Partial<Record<string, string>>;
  /** Drop values with no cases (long catalogues). */
  hideEmpty?: boolean;
}

const DEFAULT_BAR_COLOUR = '#64748b';

/** Horizontal bars of counts by a catalogue, with each value's share of the total. */
export function BreakdownBars({ title, keys, counts, labelPrefix, colours, hideEmpty }: BreakdownBarsProps) {
  const { t, format } = useI18n();
  const total = keys.reduce<number>((n, key) => n + (counts[key] ?? 0), 0);
  const max = Math.max(1, ...keys.map((key) => counts[key] ?? 0));
  const shown = hideEmpty ? keys.filter((key) => (counts[key] ?? 0) > 0) : keys;
  return (
    <section className="breakdown">
      <h4>{title}</h4>
      <ul className="status-bars">
        {shown.map((key) => {
          const n = counts[key] ?? 0;
          return (
            <li key={key} title={total > 0 ? `${((100 * n) / total).toFixed(1)}%` : undefined}>
              <span className="status-name">{t(`${labelPrefix}.${key}` as MessageKey)}</span>
              <span className="status-bar">
                <span style={{ width: `${(100 * n) / max}%`, background: colours?.[key] ?? DEFAULT_BAR_COLOUR }} />
              </span>
              <span className="num">{format.number(n)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
