import { FIGURES, type AreaStats, type Figure } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { PlaceFigure } from '../../url-state/view-state.ts';
import { figureChange, formatFigure, siblingRank } from './figure-format.ts';

export interface FigureCardsProps {
  stats: AreaStats;
  /** The figure the map colours the children by; its card is marked. */
  active: PlaceFigure;
  onChoose: (figure: Figure) => void;
}

/** One card per figure: value, change against the previous period, and rank among siblings. */
export function FigureCards({ stats, active, onChoose }: FigureCardsProps) {
  const { t, locale } = useI18n();
  return (
    <div className="figure-cards" data-testid="figure-cards">
      {FIGURES.map((figure) => {
        const value = stats.figures[figure];
        const change = figureChange(figure, value, stats.previous[figure], locale);
        const rank = stats.siblings.length > 1 ? siblingRank(figure, value, stats.siblings.map((s) => s.figures[figure])) : null;
        return (
          <button
            type="button"
            key={figure}
            className={`figure-card${active === figure ? ' active' : ''}`}
            data-testid={`figure-${figure}`}
            title={t(`figureHelp.${figure}`)}
            aria-pressed={active === figure}
            onClick={() => onChoose(figure)}
          >
            <span className="figure-label">{t(`figure.${figure}`)}</span>
            <span className="figure-value num">{formatFigure(figure, value, locale)}</span>
            <span className="figure-compare">
              {change && (
                <span className={`change ${change.better === null ? 'same' : change.better ? 'better' : 'worse'}`}>
                  {change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : ''} {change.text}
                </span>
              )}
              <span className="muted">{t('area.previous', { value: formatFigure(figure, stats.previous[figure], locale) })}</span>
              {rank !== null && <span className="muted">{t('area.rank', { rank, count: stats.siblings.length })}</span>}
            </span>
          </button>
        );
      })}
    </div>
  );
}
