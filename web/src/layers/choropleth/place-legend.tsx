import type { AreaTreeLevel } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';
import { formatFigure } from '../../panels/area-panel/figure-format.ts';
import { NO_VALUE_COLOUR, type PlaceChoropleth } from './place-choropleth.ts';

/** The key of the figure map: one swatch per class, read from the classes the map draws. */
export function PlaceLegend({ choropleth, level }: { choropleth: PlaceChoropleth; level: AreaTreeLevel }) {
  const { t, locale } = useI18n();
  const f = (value: number) => formatFigure(choropleth.figure, value, locale);
  return (
    <div className="place-legend" data-testid="place-legend">
      <h3>{t('choropleth.legend', { level: t(`level.${level}`), figure: t(`figure.${choropleth.figure}`) })}</h3>
      <ul>
        {choropleth.classes.map((c) => (
          <li key={`${c.from}-${c.to}`}>
            <span className="swatch" style={{ background: c.colour }} />
            <span className="num">
              {c.from === null && c.to !== null
                ? t('choropleth.below', { value: f(c.to) })
                : c.to === null && c.from !== null
                  ? t('choropleth.atLeast', { value: f(c.from) })
                  : c.from !== null && c.to !== null
                    ? t('choropleth.between', { from: f(c.from), to: f(c.to) })
                    : t('choropleth.noValue')}
            </span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_VALUE_COLOUR }} />
          {t('choropleth.noValue')}
        </li>
      </ul>
    </div>
  );
}
