import { FIGURE_DEFINITIONS, type Figure } from '@gridmap/shared';

/** How a figure reads: a count, a share (0–1 shown as %), days, or an index / rate with a decimal. */
export const FIGURE_UNITS: Record<Figure, 'count' | 'share' | 'days' | 'decimal'> = {
  reported: 'count',
  reportedPer1000Households: 'decimal',
  open: 'count',
  overdue: 'count',
  resolved: 'count',
  mediationSuccessRate: 'share',
  medianDaysToResolve: 'days',
  notEscalatedRate: 'share',
  safetyIndex: 'decimal',
};

/**
 * A figure's value as text: counts grouped, shares as percent with one decimal, days and
 * rates with one decimal; '—' where there is nothing to divide by.
 * @example formatFigure('mediationSuccessRate', 0.8123, 'zh-CN') // '81.2%'
 */
export function formatFigure(figure: Figure, value: number | null, locale: string): string {
  if (value === null) return '—';
  const unit = FIGURE_UNITS[figure];
  if (unit === 'count') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  if (unit === 'share') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** Change against the previous period: its sign, whether it is for the better, and the text. */
export interface FigureChange {
  direction: 'up' | 'down' | 'same';
  better: boolean | null;
  text: string;
}

/**
 * The change from `previous` to `current`: shares in percentage points, others in the figure's
 * own unit; null when either is missing.
 * @example figureChange('open', 12, 10, 'en') // { direction: 'up', better: false, text: '+2' }
 */
export function figureChange(figure: Figure, current: number | null, previous: number | null, locale: string): FigureChange | null {
  if (current === null || previous === null) return null;
  const unit = FIGURE_UNITS[figure];
  const delta = unit === 'share' ? (current - previous) * 100 : current - previous;
  const rounded = unit === 'count' ? Math.round(delta) : Math.round(delta * 10) / 10;
  if (rounded === 0) return { direction: 'same', better: null, text: '±0' };
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'count' ? 0 : 1, signDisplay: 'always' }).format(rounded);
  const up = rounded > 0;
  return { direction: up ? 'up' : 'down', better: up === FIGURE_DEFINITIONS[figure].higherIsBetter, text: unit === 'share' ? `${number} pp` : number };
}

/**
 * The place of `value` among siblings' values, 1 = best (by the figure's better direction);
 * null when the value is missing.
 */
export function siblingRank(figure: Figure, value: number | null, values: readonly (number | null)[]): number | null {
  if (value === null) return null;
  const higherIsBetter = FIGURE_DEFINITIONS[figure].higherIsBetter;
  return 1 + values.filter((v) => v !== null && (higherIsBetter ? v > value : v < value)).length;
}
