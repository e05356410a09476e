import type { MonthlyPoint } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';

/** Size of the chart's drawing box, in SVG units (it scales to the panel's width). */
const WIDTH = 400;
const HEIGHT = 120;
const AXIS_PX = 16; // room under the bars for month labels
const REPORTED_COLOUR = '#94a3b8';
const RESOLVED_COLOUR = '#16a34a';
const OPEN_COLOUR = '#f97316';

/** A light SVG of reported cases per month as bars, with the resolved and still-open as lines over them. */
export function MonthlyChart({ months }: { months: MonthlyPoint[] }) {
  const { t, format } = useI18n();
  if (months.length === 0) return null;
  const max = Math.max(1, ...months.map((m) => m.reported));
  const slot = WIDTH / months.length;
  const y = (value: number) => HEIGHT - AXIS_PX - (value / max) * (HEIGHT - AXIS_PX - 4);
  const line = (key: 'resolved' | 'open') => months.map((m, i) => `${i === 0 ? 'M' : 'L'}${(i + 0.5) * slot},${y(m[key])}`).join(' ');
  const labelEvery = Math.ceil(months.length / 8);
  return (
    <figure className="monthly-chart" data-testid="monthly-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('area.monthly')}>
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS_PX} y2={HEIGHT - AXIS_PX} stroke="#cbd5e1" />
        {months.map((m, i) => (
          <g key={m.month}>
            <rect x={i * slot + slot * 0.15} width={slot * 0.7} y={y(m.reported)} height={HEIGHT - AXIS_PX - y(m.reported)} fill={REPORTED_COLOUR}>
              <title>{`${m.month} · ${t('area.monthly.reported')} ${format.number(m.reported)} · ${t('area.monthly.resolved')} ${format.number(m.resolved)} · ${t('area.monthly.open')} ${format.number(m.open)}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={(i + 0.5) * slot} y={HEIGHT - 3} textAnchor="middle" className="axis-label">
                {m.month.slice(2).replace('-', '.')}
              </text>
            )}
          </g>
        ))}
        <path d={line('resolved')} fill="none" stroke={RESOLVED_COLOUR} strokeWidth={2} />
        <path d={line('open')} fill="none" stroke={OPEN_COLOUR} strokeWidth={1.5} strokeDasharray="4 3" />
        <text x={2} y={10} className="axis-label">{format.number(max)}</text>
      </svg>
      <figcaption className="chart-key">
        <span><i style={{ background: REPORTED_COLOUR }} />{t('area.monthly.reported')}</span>
        <span><i style={{ background: RESOLVED_COLOUR }} />{t('area.monthly.resolved')}</span>
        <span><i style={{ background: OPEN_COLOUR }} />{t('area.monthly.open')}</span>
      </figcaption>
    </figure>
  );
}
