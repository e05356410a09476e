import {
  AREA_LEVELS,
  HOTSPOT_UNITS,
  INCIDENT_KINDS,
  countyWeekNumber,
  dayNumberOfCountyWeek,
  isoDateOfDayNumber,
  type IncidentKind,
} from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { serverNow } from '../../clock/server-clock.ts';
import { useServerClockOffset } from '../../clock/use-server-clock-offset.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import {
  HEAT_STATUS_SCOPES,
  HEAT_WINDOW_WEEKS,
  defaultAnalysisFilters,
  nextKinds,
  windowFromWeek,
  type AnalysisFilters,
} from '../../layers/heat/heat-filters.ts';
import { useAnalysisLayers } from '../../layers/heat/use-analysis-layers.ts';
import { HOTSPOT_BIN_COLOURS, HOTSPOT_LEGEND_BINS } from '../../layers/hotspots/hotspot-layers.ts';
import { Segmented } from '../layer-panel/segmented.tsx';
import {
  heatQueryOptions,
  hotspotQueryString,
  hotspotsQueryOptions,
  type HotspotSettings,
} from './analysis-queries.ts';
import { usePlayback } from './use-playback.ts';

/** Weeks the slider reaches back before the first case is known (the demo holds two years). */
const DEFAULT_HISTORY_WEEKS = 104;
const RESOLUTIONS = ['auto', '7', '8', '9'] as const;
const WINDOW_OPTIONS = HEAT_WINDOW_WEEKS.map(String) as `${(typeof HEAT_WINDOW_WEEKS)[number]}`[];

/** The analysis bar along the bottom of the map: heat map and hot spots, their window and filters. */
export function AnalysisPanel({ map }: { map: MapLibreMap | null }) {
  const { t } = useI18n();
  const offset = useServerClockOffset();
  const nowWeek = countyWeekNumber(serverNow(offset).getTime());
  const [heatOn, setHeatOn] = useState(false);
  const [hotspotsOn, setHotspotsOn] = useState(false);
  const [filters, setFilters] = useState<AnalysisFilters>(() => defaultAnalysisFilters(nowWeek));
  const [settings, setSettings] = useState<HotspotSettings>({ unit: 'hex', resolution: 'auto', fdr: true });
  const zoom = useMapZoom(map);

  const heat = useQuery({ ...heatQueryOptions, enabled: heatOn });
  const lastWeek = heat.data?.nowWeek ?? nowWeek;
  const firstWeek = heat.data?.firstWeek ?? nowWeek - DEFAULT_HISTORY_WEEKS;
  const hotspotQuery = hotspotQueryString(filters, settings, zoom);
  const hotspots = useQuery({ ...hotspotsQueryOptions(hotspotQuery), enabled: hotspotsOn });
  useAnalysisLayers(map, { heatOn, hotspotsOn, filters, heat: heat.data, hotspots: hotspots.data });

  const setWeek = useCallback((toWeek: number) => setFilters((f) => ({ ...f, toWeek })), []);
  const playback = usePlayback(filters.toWeek, setWeek, firstWeek + Math.max(0, filters.windowWeeks - 1), lastWeek);
  const range = weekRange(filters, firstWeek);
  const toggleKind = (kind: IncidentKind) => setFilters((f) => ({ ...f, kinds: nextKinds(f.kinds, kind) }));
  const allKinds = filters.kinds.length === INCIDENT_KINDS.length;
  const summary = useMemo(() => {
    const features = hotspots.data?.features ?? [];
    return {
      hot: features.filter((f) => f.properties.bin > 0).length,
      cold: features.filter((f) => f.properties.bin < 0).length,
    };
  }, [hotspots.data]);

  const filtering = heatOn || hotspotsOn;
  return (
    <section className="analysis-panel" data-testid="analysis-panel" aria-label={t('analysis.title')}>
      <div className="analysis-row">
        <label className="switch-row">
          <input type="checkbox" data-testid="heat-toggle" checked={heatOn} onChange={(e) => setHeatOn(e.target.checked)} />
          <span>{t('analysis.heat')}</span>
        </label>
        <label className="switch-row">
          <input type="checkbox" data-testid="hotspots-toggle" checked={hotspotsOn} onChange={(e) => setHotspotsOn(e.target.checked)} />
          <span>{t('analysis.hotspots')}</span>
        </label>
        <span className="analysis-sep" />
        <Segmented
          name="analysis-window"
          label={t('analysis.window')}
          className="compact"
          options={WINDOW_OPTIONS}
          value={String(filters.windowWeeks) as (typeof WINDOW_OPTIONS)[number]}
          optionLabel={(w) => t(`analysis.window.${w}`)}
          onChange={(w) => setFilters((f) => ({ ...f, windowWeeks: Number(w) as AnalysisFilters['windowWeeks'] }))}
        />
        <button type="button" className="play-button" data-testid="heat-play" onClick={playback.toggle} aria-pressed={playback.playing}>
          {playback.playing ? '❚❚ ' + t('analysis.pause') : '▶ ' + t('analysis.play')}
        </button>
        <input
          type="range"
          className="week-slider"
          data-testid="heat-slider"
          aria-label={t('analysis.weekSlider')}
          min={firstWeek}
          max={lastWeek}
          step={1}
          value={filters.toWeek}
          onChange={(e) => setWeek(Number(e.target.value))}
        />
        <span className="week-range num" data-testid="heat-week-range">
          {t('analysis.weekRange', range)}
        </span>
      </div>
      {filtering && (
        <div className="analysis-row">
          <span className="analysis-label">{t('analysis.kinds')}</span>
          <div className="chip-row">
            <label className={allKinds ? 'chip on' : 'chip'}>
              <input type="checkbox" checked={allKinds} onChange={() => setFilters((f) => ({ ...f, kinds: INCIDENT_KINDS }))} />
              <span>{t('analysis.allKinds')}</span>
            </label>
            {INCIDENT_KINDS.map((kind) => (
              <label key={kind} className={!allKinds && filters.kinds.includes(kind) ? 'chip on' : 'chip'}>
                <input type="checkbox" checked={!allKinds && filters.kinds.includes(kind)} onChange={() => toggleKind(kind)} />
                <span>{t(`incidentKind.${kind}`)}</span>
              </label>
            ))}
          </div>
        </div>
      )}
      {filtering && (
        <div className="analysis-row">
          <span className="analysis-label">{t('analysis.status')}</span>
          <Segmented
            name="analysis-status"
            label={t('analysis.status')}
            className="compact"
            options={HEAT_STATUS_SCOPES}
            value={filters.statuses}
            optionLabel={(s) => t(`analysis.status.${s}`)}
            onChange={(statuses) => setFilters((f) => ({ ...f, statuses }))}
          />
          <span className="analysis-label">{t('analysis.levels')}</span>
          <div className="chip-row">
            {AREA_LEVELS.map((level) => (
              <label key={level} className="chip">
                <input
                  type="checkbox"
                  checked={filters.levels.includes(level)}
                  onChange={(e) =>
                    setFilters((f) => {
                      const levels = e.target.checked ? [...f.levels, level] : f.levels.filter((l) => l !== level);
                      return { ...f, levels: AREA_LEVELS.filter((l) => levels.includes(l)) };
                    })
                  }
                />
                <span>{t(`level.${level}`)}</span>
              </label>
            ))}
          </div>
        </div>
      )}
      {hotspotsOn && (
        <div className="analysis-row">
          <span className="analysis-label">{t('analysis.unit')}</span>
          <Segmented
            name="hotspot-unit"
            label={t('analysis.unit')}
            className="compact"
            options={HOTSPOT_UNITS}
            value={settings.unit}
            optionLabel={(u) => t(`analysis.unit.${u}`)}
            onChange={(unit) => setSettings((s) => ({ ...s, unit }))}
          />
          <span className="analysis-label">{t('analysis.resolution')}</span>
          <Segmented
            name="hotspot-resolution"
            label={t('analysis.resolution')}
            className="compact"
            disabled={settings.unit !== 'hex'}
            options={RESOLUTIONS}
            value={String(settings.resolution) as (typeof RESOLUTIONS)[number]}
            optionLabel={(r) => (r === 'auto' ? t('analysis.resolution.auto') : r)}
            onChange={(r) => setSettings((s) => ({ ...s, resolution: r === 'auto' ? 'auto' : (Number(r) as 7 | 8 | 9) }))}
          />
          <label className="switch-row" title={t('analysis.fdrTitle')}>
            <input type="checkbox" data-testid="hotspots-fdr" checked={settings.fdr} onChange={(e) => setSettings((s) => ({ ...s, fdr: e.target.checked }))} />
            <span>{t('analysis.fdr')}</span>
          </label>
        </div>
      )}
      {filtering && (
        <div className="analysis-row analysis-legend">
          {heatOn && (
            <span className="legend-item">
              <span className="ramp heat-ramp" />
              {t('analysis.heatNote')}
            </span>
          )}
          {hotspotsOn &&
            HOTSPOT_LEGEND_BINS.map((bin) => (
              <span key={bin} className="legend-item">
                <span className="swatch" style={{ background: HOTSPOT_BIN_COLOURS[bin] }} />
                {t(`analysis.bin.${bin}`)}
              </span>
            ))}
          {hotspotsOn && (
            <span className="legend-item muted" data-testid="hotspots-summary">
              {hotspots.data
                ? `${t('analysis.summary', { cells: hotspots.data.cellCount, incidents: hotspots.data.incidentCount, ...summary })} · ${t(`analysis.weights.${hotspots.data.weights.neighbourhood}`)}`
                : t('analysis.loading')}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

/** The window's first and last county day as 'YYYY-MM-DD'. */
function weekRange(f: AnalysisFilters, firstWeek: number): { from: string; to: string } {
  const from = Math.max(windowFromWeek(f), firstWeek);
  return {
    from: isoDateOfDayNumber(dayNumberOfCountyWeek(from)),
    to: isoDateOfDayNumber(dayNumberOfCountyWeek(f.toWeek) + 6),
  };
}

/** The map's zoom, updated when a move ends (to fit the H3 resolution to it). */
function useMapZoom(map: MapLibreMap | null): number {
  const [zoom, setZoom] = useState(() => map?.getZoom() ?? 9);
  useEffect(() => {
    if (!map) return;
    const update = () => setZoom(map.getZoom());
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [map]);
  return zoom;
}
