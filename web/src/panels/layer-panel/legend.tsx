import { HOUSEHOLD_POINT_MIN_ZOOM, INCIDENT_POINT_MIN_ZOOM, INCIDENT_STATUSES, MEDIATION_KINDS, OPEN_STATUSES } from '@gridmap/shared';
import { useI18n } from '../../i18n/locale-context.tsx';
import { BOUNDARY_COLOURS } from '../../layers/areas/area-layers.ts';
import type { Choropleth } from '../../layers/grid-fill/grid-fill-layer.ts';
import { HEAT_RAMP, HOUSEHOLD_COLOURS } from '../../layers/households/households-layers.ts';
import { RECENT_DAYS } from '../../layers/incidents/incident-scope.ts';
import { INCIDENT_STATUS_COLOURS, OVERDUE_RING_COLOUR } from '../../layers/incidents/incident-status-colours.ts';
import { COMMUNITY_POINTS_MIN_ZOOM } from '../../layers/mediation-points/mediation-points-layer.ts';
import { MEDIATION_SYMBOLS } from '../../layers/mediation-points/mediation-symbols.ts';
import type { LayerSettings } from './layer-settings.ts';

export interface LegendProps {
  settings: LayerSettings;
  choropleth: Choropleth;
  figureLabel: string;
}

/** Keys for the layers that are on: choropleth classes, statuses, symbols, densities, lines. */
export function Legend({ settings, choropleth, figureLabel }: LegendProps) {
  const { t, format } = useI18n();
  return (
    <section className="panel-section legend" data-testid="legend">
      <h2 className="panel-heading">{t('legend.title')}</h2>

      {settings.gridFigure !== 'none' && (
        <div className="legend-block">
          <h3>{t('legend.choropleth', { figure: figureLabel })}</h3>
          {choropleth.classes.length === 0 ? (
            <p className="legend-note">{t('legend.noData')}</p>
          ) : (
            <ul className="legend-classes">
              {choropleth.classes.map((range) => (
                <li key={range.from}>
                  <span className="swatch" style={{ background: range.colour }} />
                  <span className="num">
                    {range.to === null
                      ? t('legend.orMore', { value: range.from })
                      : range.to === range.from
                        ? format.number(range.from)
                        : t('legend.range', { from: range.from, to: range.to })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {settings.incidents && (
        <div className="legend-block">
          <h3>
            {t('layers.incidents')} · {t(`incidentScope.${settings.incidentScope}`, { days: RECENT_DAYS })}
          </h3>
          <ul className="legend-grid">
            {(settings.incidentScope === 'open' ? OPEN_STATUSES : INCIDENT_STATUSES).map((status) => (
              <li key={status}>
                <span className="dot" style={{ background: INCIDENT_STATUS_COLOURS[status] }} />
                {t(`incidentStatus.${status}`)}
              </li>
            ))}
            <li>
              <span className="dot ring" style={{ borderColor: OVERDUE_RING_COLOUR }} />
              {t('legend.incidents.overdue')}
            </li>
          </ul>
          <p className="legend-note">{t(`legend.incidents.scope.${settings.incidentScope}`, { days: RECENT_DAYS, zoom: INCIDENT_POINT_MIN_ZOOM })}</p>
        </div>
      )}

      {settings.mediationPoints && (
        <div className="legend-block">
          <h3>{t('layers.mediationPoints')}</h3>
          <ul className="legend-grid single">
            {MEDIATION_KINDS.map((kind) => (
              <li key={kind}>
                <span className="symbol" style={{ background: MEDIATION_SYMBOLS[kind].colour }}>
                  {MEDIATION_SYMBOLS[kind].glyph}
                </span>
                {t(`mediationKind.${kind}`)}
              </li>
            ))}
          </ul>
          <p className="legend-note">{t('legend.mediation.zoomHint', { zoom: COMMUNITY_POINTS_MIN_ZOOM })}</p>
        </div>
      )}

      {settings.households && (
        <div className="legend-block">
          <h3>{t('layers.households')}</h3>
          <div className="ramp-row">
            <span
              className="ramp"
              style={{ background: `linear-gradient(to right, ${HEAT_RAMP.map(([, colour]) => colour).join(', ')})` }}
            />
            <span>{t('legend.households.density')}</span>
          </div>
          <ul className="legend-grid">
            <li>
              <span className="dot" style={{ background: HOUSEHOLD_COLOURS.plain }} />
              {t('legend.households.plain')}
            </li>
            <li>
              <span className="dot" style={{ background: HOUSEHOLD_COLOURS.migrant }} />
              {t('legend.households.migrant')}
            </li>
          </ul>
          <p className="legend-note">{t('legend.households.zoomHint', { zoom: HOUSEHOLD_POINT_MIN_ZOOM })}</p>
        </div>
      )}

      <div className="legend-block">
        <h3>{t('layers.boundaries')}</h3>
        <ul className="legend-lines">
          {(['county', 'town', 'community', 'grid'] as const)
            .filter((level) => settings.boundaries[level])
            .map((level) => (
              <li key={level}>
                <span className={`line line-${level}`} style={{ borderColor: BOUNDARY_COLOURS[level] }} />
                {t(`legend.boundary.${level}`)}
              </li>
            ))}
        </ul>
      </div>
    </section>
  );
}
