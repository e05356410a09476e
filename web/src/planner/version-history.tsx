import type { Plan, PlannerCommunity } from '@gridmap/shared';
import { bboxOf } from '@gridmap/shared/plans/partition-balance';
import { countyDayNumber, isoDateOfDayNumber } from '@gridmap/shared/time/county-time';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/locale-context.tsx';
import { historyEvents, restoreInstant, type HistoryEvent } from './history-events.ts';
import { AS_OF_COLOUR, COMPARE_COLOUR } from './history-layers.ts';
import { gridsAsOfQueryOptions, gridVersionsQueryOptions, planKeys, restorePlan } from './planner-api.ts';
import { useHistoryLayers } from './use-history-layers.ts';


/** Closest zoom when framing a change: the grids it touched and a little around them. */
const CHANGE_MAX_ZOOM = 16;

/** The county date (YYYY-MM-DD) an instant falls on, `shiftDays` later or earlier. */
export function countyDate(ms: number, shiftDays = 0): string {
  return isoDateOfDayNumber(countyDayNumber(ms) + shiftDays);
}

/**
 * The history of a community's grids: the boundaries as of a date (solid) against another date
 * (dashed) on the map, the list of changes (who, when, why, which plan), and restoring any
 * earlier version as a new draft plan, which opens in the planner for review.
 */
export function VersionHistory({ map, community, author, onRestored }: {
  map: MapLibreMap | null;
  community: PlannerCommunity;
  author: string;
  onRestored(plan: Plan): void;
}) {
  const { t, format } = useI18n();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(() => countyDate(Date.now()));
  const [compare, setCompare] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const versions = useQuery(gridVersionsQueryOptions(community.id));
  const events = useMemo(() => historyEvents(versions.data?.versions ?? []), [versions.data]);
  const asOfGrids = useQuery({ ...gridsAsOfQueryOptions(community.id, asOf), enabled: asOf !== '' });
  const compareGrids = useQuery({ ...gridsAsOfQueryOptions(community.id, compare), enabled: compare !== '' });
  useHistoryLayers(
    map,
    asOf ? (asOfGrids.data as FeatureCollection | undefined) : undefined,
    compare ? (compareGrids.data as FeatureCollection | undefined) : undefined,
  );

  const show = (event: HistoryEvent) => {
    if (!event.at) return;
    const at = Date.parse(event.at);
    setAsOf(countyDate(at));
    setCompare(countyDate(at, -1));
    // A moved edge is often a few tens of metres: frame the grids the change touched.
    const touched = new Set(event.grids.map((g) => g.gridId));
    const boxes = (versions.data?.versions ?? []).filter((v) => touched.has(v.gridId) && v.geometry).map((v) => bboxOf(v.geometry!));
    if (map && boxes.length > 0) {
      const bounds: [[number, number], [number, number]] = [
        [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))],
        [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))],
      ];
      map.fitBounds(bounds, { padding: 60, maxZoom: CHANGE_MAX_ZOOM, duration: 0 });
    }
  };
  const restore = async (event: HistoryEvent) => {
    const instant = restoreInstant(event, events);
    if (!instant) return;
    setBusy(true);
    setError(null);
    try {
      const reason = t('planner.history.restoreReason', { time: format.dateTime(instant) });
      const plan = await restorePlan(community.id, instant, author, reason);
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      onRestored(plan);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const changes = events.filter((e) => e.planId !== null);
  return (
    <div className="planner-body planner-history" data-testid="planner-history">
      <div className="history-dates">
        <label>
          <span><i className="swatch" style={{ borderColor: AS_OF_COLOUR }} />{t('planner.history.asOf')}</span>
          <input type="date" value={asOf} max={countyDate(Date.now())} onChange={(e) => setAsOf(e.target.value)} data-testid="history-as-of" />
        </label>
        <label>
          <span><i className="swatch dashed" style={{ borderColor: COMPARE_COLOUR }} />{t('planner.history.compare')}</span>
          <input type="date" value={compare} max={countyDate(Date.now())} onChange={(e) => setCompare(e.target.value)} data-testid="history-compare" />
        </label>
      </div>
      <p className="planner-hint" data-testid="history-legend">
        {asOf && asOfGrids.data && t('planner.history.legendAsOf', { date: asOf, count: asOfGrids.data.features.length })}
        {compare && compareGrids.data && <><br />{t('planner.history.legendCompare', { date: compare, count: compareGrids.data.features.length })}</>}
      </p>
      {error && <p className="planner-message error">{error}</p>}
      <h3 className="panel-heading history-heading">{t('planner.history.changes')}</h3>
      <ol className="history-list" data-testid="history-list">
        {changes.length === 0 && versions.isSuccess && <li className="planner-hint">{t('planner.history.none')}</li>}
        {events.map((event, i) => (
          <li key={event.planId ?? 'initial'} className="history-event" data-plan={event.planId ?? ''}>
            <div className="history-event-head">
              <b>{event.planId === null ? t('planner.history.initial') : t('planner.history.plan', { id: event.planId })}</b>
              {event.at && <span className="history-time">{format.dateTime(event.at)}</span>}
              {event.author && <span className="history-author">{event.author}</span>}
              {i === 0 && <span className="change-tag">{t('planner.history.current')}</span>}
            </div>
            {event.reason && <div className="history-reason">{event.reason}</div>}
            {event.planId !== null && (
              <div className="history-grids">
                {event.grids.map((g) => (
                  <span key={g.gridId} className={g.retired ? 'retired' : ''}>
                    {g.name.replace(/^.*?(第.+网格)$/, '$1')}{g.retired && ` · ${t('planner.history.retired')}`}
                  </span>
                ))}
              </div>
            )}
            <div className="history-actions">
              {event.at && (
                <button type="button" className="link-button" onClick={() => show(event)}>{t('planner.history.show')}</button>
              )}
              {i > 0 && (
                <button type="button" className="ghost-button" disabled={busy} onClick={() => void restore(event)} data-testid="history-restore">
                  {t('planner.history.restore')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

