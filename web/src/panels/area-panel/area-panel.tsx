import {
  AREA_LEVELS,
  childLevel,
  INCIDENT_KINDS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  type AreaProperties,
  type ChildrenStats,
  type Figure,
} from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/locale-context.tsx';
import { shortAreaName } from '../../layers/areas/area-label-points.ts';
import { INCIDENT_STATUS_COLOURS } from '../../layers/incidents/incident-status-colours.ts';
import { incidentQueryParams, type ViewState } from '../../url-state/view-state.ts';
import { IncidentTable, type IncidentRowFeature } from '../incident-table/incident-table.tsx';
import { exportHref } from '../incident-table/incident-page-queries.ts';
import { areaStatsQueryOptions } from './area-stats-queries.ts';
import { BreakdownBars } from './breakdown-bars.tsx';
import { FigureCards } from './figure-cards.tsx';
import { formatFigure } from './figure-format.ts';
import { MonthlyChart } from './monthly-chart.tsx';
import { PeriodPicker } from './period-picker.tsx';
import './area-panel.css';
import './print.css';

export interface AreaPanelProps {
  place: AreaProperties;
  view: ViewState;
  onView: (view: ViewState) => void;
  /** Today in the county by the server's clock ('YYYY-MM-DD'), for the period presets. */
  today: string;
  /** The children's figures for the map's figure, when one is chosen. */
  childrenStats: ChildrenStats | undefined;
  onDrill: (id: number) => void;
  onOpenIncident: (incident: IncidentRowFeature) => void;
}

/** The place's figures, months, breakdowns, sub-areas and incident table; exports and print. */
export function AreaPanel({ place, view, onView, today, childrenStats, onDrill, onOpenIncident }: AreaPanelProps) {
  const { t, locale, format } = useI18n();
  const stats = useQuery(areaStatsQueryOptions(place.id, { from: view.from, to: view.to }));
  const data = stats.data?.area.id === place.id ? stats.data : undefined;
  const period = data?.period;
  const query = period ? incidentQueryParams(view, place.id, period) : null;
  const chooseFigure = (figure: Figure) => onView({ ...view, figure: view.figure === figure ? 'none' : figure });
  const below = childLevel(place.level);

  return (
    <aside className="area-panel" data-testid="area-panel" aria-labelledby="area-panel-title">
      <header className="area-header">
        <div>
          <span className="detail-kind">{t(`level.${place.level}`)}</span>
          <h2 id="area-panel-title" data-testid="area-title">{place.name}</h2>
          <span className="muted">{t('area.households', { count: place.households })}</span>
        </div>
        <div className="area-actions no-print">
          <button type="button" onClick={() => window.print()}>{t('area.print')}</button>
          {query && (
            <>
              <a className="button" data-testid="export-csv" href={exportHref('csv', query)} download>{t('area.exportCsv')}</a>
              <a className="button" href={exportHref('geojson', query)} download>{t('area.exportGeojson')}</a>
            </>
          )}
        </div>
      </header>

      <PeriodPicker view={view} onView={onView} today={today} period={period} previous={data?.previousPeriod} />

      {stats.isPending && <p className="muted">{t('area.loading')}</p>}
      {stats.isError && <p className="error">{t('area.error')}</p>}
      {data && (
        <>
          <p className="hint no-print">{t('area.colourHint')}</p>
          <FigureCards stats={data} active={view.figure} onChoose={chooseFigure} />
          <h3 className="detail-subheading">{t('area.monthly')}</h3>
          <MonthlyChart months={data.monthly} />
          <div className="breakdowns">
            <BreakdownBars title={t('area.byKind')} keys={INCIDENT_KINDS} counts={data.byKind} labelPrefix="incidentKind" hideEmpty />
            <BreakdownBars title={t('area.byStatus')} keys={INCIDENT_STATUSES} counts={data.byStatus} labelPrefix="incidentStatus" colours={INCIDENT_STATUS_COLOURS} hideEmpty />
            <BreakdownBars title={t('area.bySource')} keys={INCIDENT_SOURCES} counts={data.bySource} labelPrefix="incidentSource" />
            <BreakdownBars title={t('area.byLevel')} keys={AREA_LEVELS} counts={data.byLevel} labelPrefix="level" />
          </div>
        </>
      )}

      {below && childrenStats && childrenStats.children.length > 0 && (
        <section className="child-figures">
          <h3 className="detail-subheading">{t('area.children', { level: t(`level.${below}`), count: childrenStats.children.length })}</h3>
          <table className="sub-areas" data-testid="child-list">
            <thead>
              <tr>
                <th scope="col">{t('detail.childName')}</th>
                <th scope="col" className="num">{t(`figure.${childrenStats.figure}`)}</th>
                <th scope="col" className="num">{t('figure.reported')}</th>
              </tr>
            </thead>
            <tbody>
              {[...childrenStats.children]
                .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))
                .map((child) => (
                  <tr key={child.id}>
                    <td>
                      <button type="button" className="sub-area" data-area-id={child.id} onClick={() => onDrill(child.id)}>
                        {shortAreaName(child.name, place.name)}
                      </button>
                    </td>
                    <td className="num">{formatFigure(childrenStats.figure, child.value, locale)}</td>
                    <td className="num">{format.number(child.figures.reported ?? 0)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}

      <h3 className="detail-subheading">{t('table.title')}</h3>
      {query && (
        <IncidentTable
          key={query.toString()}
          query={query}
          filters={view.table}
          onFilters={(table) => onView({ ...view, table })}
          onOpen={onOpenIncident}
          openId={view.incident}
        />
      )}
      <p className="print-only muted">{t('area.printedAt', { time: new Date().toLocaleString(locale) })}</p>
    </aside>
  );
}
