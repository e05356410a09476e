import { AREA_LEVELS, type AreaCollection, type AreaTreeLevel, type AreaProperties } from '@gridmap/shared';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { serverNow } from './clock/server-clock.ts';
import { useServerClockOffset } from './clock/use-server-clock-offset.ts';
import { useI18n } from './i18n/locale-context.tsx';
import { gridChoropleth } from './layers/grid-fill/grid-fill-layer.ts';
import { recentCutoffDay } from './layers/incidents/incident-scope.ts';
import { baseStyle } from './map/base-style.ts';
import { areasQueryOptions, configQueryOptions, mediationPointsQueryOptions } from './map/map-queries.ts';
import { MapView } from './map/map-view.tsx';
import type { Pick } from './map/pick-selection.ts';
import type { Selection } from './map/selection.ts';
import { childAreas } from './panels/detail-panel/child-areas.ts';
import { DetailPanel } from './panels/detail-panel/detail-panel.tsx';
import { AnalysisPanel } from './panels/analysis/analysis-panel.tsx';
import { WarningsPanel } from './panels/warnings/warnings-panel.tsx';
// Issue 7: the place (county → grid), its figures, table and figure map.
import { AreaPanel } from './panels/area-panel/area-panel.tsx';
import { usePlaceNavigation } from './panels/area-panel/use-place-navigation.ts';
import { RightColumn } from './panels/area-panel/right-column.tsx';
import { Breadcrumb } from './panels/breadcrumb/breadcrumb.tsx';
import { PlaceLegend } from './layers/choropleth/place-legend.tsx';
import { childLevel } from '@gridmap/shared';
import { LayerPanel } from './panels/layer-panel/layer-panel.tsx';
import { DEFAULT_LAYER_SETTINGS, type LayerSettings } from './panels/layer-panel/layer-settings.ts';
import { TopBar } from './panels/top-bar/top-bar.tsx';
import { ImportPage } from './pages/import/import-page.tsx';
import { useHashView } from './pages/import/use-hash-view.ts';
import { ViewSwitch } from './pages/import/view-switch.tsx';
import { useLiveLayers } from './layers/live/use-live-layers.ts';
import { useLiveStream } from './live/use-live-stream.ts';
import { useOperatorName } from './operator/use-operator-name.ts';
import { allows, useSession } from './session/use-session.ts';
import { CommandCentre } from './panels/command-centre/command-centre.tsx';
import { IntakeForm } from './panels/intake/intake-form.tsx';
import { PlannerEntry, plannerCommunityOf } from './planner/planner-entry.tsx';
import { PlannerPanel } from './planner/planner-panel.tsx';
import { fetchedAreaLevels } from './layers/areas/area-tile-source.ts';
import { MediationDock } from './panels/nearest/mediation-dock.tsx';
// Issue 9: the administrator's audit log, opened from the session menu.
import { AuditPage } from './pages/audit/audit-page.tsx';
import { useAuditOpen } from './pages/audit/use-audit-open.ts';
import { can } from '@gridmap/shared';

/** The whole screen: top bar, layer panel, map, and the detail panel when something is selected. */
export function App() {
  const { t } = useI18n();
  const config = useQuery(configQueryOptions);
  const areaResults = useQueries({
    // With area tiles (a province) only the coarse levels are loaded whole; the map draws the rest from tiles.
    queries: AREA_LEVELS.map((level) => ({
      ...areasQueryOptions(level),
      enabled: config.data !== undefined && fetchedAreaLevels(config.data.areaTiles).includes(level),
    })),
    combine: (results) => ({
      byLevel: Object.fromEntries(
        results.flatMap((result, i) => (result.data ? [[AREA_LEVELS[i], result.data]] : [])),
      ) as Partial<Record<AreaTreeLevel, AreaCollection>>,
      pending: results.some((result) => result.isLoading),
      failed: results.filter((result) => result.isError),
    }),
  });
  const mediationPoints = useQuery(mediationPointsQueryOptions);
  const [settings, setSettings] = useState<LayerSettings>(DEFAULT_LAYER_SETTINGS);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [view, setView] = useHashView();

  const areas = areaResults.byLevel;
  const choropleth = useMemo(() => gridChoropleth(areas.grid, settings.gridFigure), [areas.grid, settings.gridFigure]);
  const style = useMemo(() => config.data?.basemapStyleUrl ?? baseStyle(), [config.data]);

  const areaIndex = useMemo(() => {
    const index = new Map<number, AreaProperties>();
    for (const level of AREA_LEVELS) for (const feature of areas[level]?.features ?? []) index.set(feature.id, feature.properties);
    return index;
  }, [areas.county, areas.town, areas.community, areas.grid]); // eslint-disable-line react-hooks/exhaustive-deps
  const findArea = useCallback((id: number) => areaIndex.get(id), [areaIndex]);
  const findMediationPoint = useCallback(
    (id: number) => mediationPoints.data?.features.find((feature) => feature.id === id),
    [mediationPoints.data],
  );
  const clockOffset = useServerClockOffset();
  // A string, so that the health refetch each minute moves the filter only when the day turns.
  const incidentCutoffDay = recentCutoffDay(serverNow(clockOffset));

  const [map, setMap] = useState<MapLibreMap | null>(null);
  const live = useLiveStream();
  useLiveLayers(map, live.feed, live.tilesVersion);
  const { session } = useSession();
  const audit = useAuditOpen();
  const operator = useOperatorName(t('command.operatorDefault'));
  // Signed in, the account acts; signed out, the name typed under 值班员.
  const actor = session?.account.displayName ?? operator.name;
  const [intakeOpen, setIntakeOpen] = useState(false);
  // While the intake form takes a map click as the place, the click selects nothing.
  const pickingRef = useRef(false);
  const onPickingChange = useCallback((picking: boolean) => {
    pickingRef.current = picking;
  }, []);

  const nav = usePlaceNavigation({ areas, findArea, map, selection, setSelection, now: serverNow(clockOffset), areaTiles: config.data?.areaTiles ?? false });
  // The panels know the areas of the place's branch too (loaded apart when areas are tiled).
  const findPanelArea = nav.findArea;
  const findPanelChildren = useCallback((id: number, level: AreaTreeLevel) => childAreas(nav.areas, { id, level }), [nav.areas]);
  // An area picked anywhere (map, detail links) is a place to go to, not a detail to open.
  const onAreaPick = nav.onAreaPick;
  const goTo = nav.goTo;
  const select = useCallback(
    (next: Selection | null) => (next?.kind === 'area' ? goTo(next.id) : setSelection(next)),
    [goTo],
  );
  // The planner (issue 6): while it is open, map clicks edit grids and select nothing.
  const [plannerCommunity, setPlannerCommunity] = useState<number | null>(null);
  const plannerRef = useRef(false);
  plannerRef.current = plannerCommunity !== null;
  // The community of the place being looked at (issue 7's navigation), or of a selected grid.
  const plannerCandidate = allows(session, 'plan') ? (plannerCommunityOf(nav.place) ?? plannerCommunityOf(selection?.kind === 'area' ? findPanelArea(selection.id) : undefined)) : null;

  const onPick = useCallback((pick: Pick) => {
    if (pickingRef.current || plannerRef.current) return;
    if (pick === null) setSelection(null);
    else if (pick.kind === 'select' && pick.selection.kind === 'area') onAreaPick(pick.selection.id);
    else if (pick.kind === 'select') setSelection(pick.selection);
  }, [onAreaPick]);
  // The figure map and the layer panel's grid fill would paint over each other: one at a time.
  const changeSettings = useCallback(
    (next: LayerSettings) => {
      if (next.gridFigure !== 'none' && next.gridFigure !== settings.gridFigure) nav.setView({ ...nav.view, figure: 'none' });
      setSettings(next);
    },
    [settings.gridFigure, nav],
  );
  useEffect(() => {
    if (nav.view.figure !== 'none') setSettings((s) => (s.gridFigure === 'none' ? s : { ...s, gridFigure: 'none' }));
  }, [nav.view.figure]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setSelection(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <TopBar nav={<ViewSwitch view={view} onChange={setView} />} />
      <div className="workspace">
        <LayerPanel settings={settings} onChange={changeSettings} choropleth={choropleth} />
        <main className="map-area">
          {!config.isPending && (
            <MapView
              style={style}
              areas={areas}
              mediationPoints={mediationPoints.data}
              choropleth={choropleth}
              settings={settings}
              selection={selection}
              incidentCutoffDay={incidentCutoffDay}
              onPick={onPick}
              onMap={setMap}
              areaTiles={config.data?.areaTiles ?? false}
            />
          )}
          <MediationDock map={map} clockOffsetMs={clockOffset} actor={actor} canAssign={allows(session, 'handle')} />
          {/* The planner (issue 6) hides the warnings and the figure map's legend: one task on screen. */}
          {plannerCommunity === null && <WarningsPanel onSelect={setSelection} onLocate={(center, zoom) => map?.flyTo({ center, zoom: Math.max(zoom, map.getZoom()) })} />}
          <AnalysisPanel map={map} />
          <Breadcrumb chain={nav.chain} onGo={goTo} />
          {nav.place && nav.figureShown && plannerCommunity === null && <PlaceLegend choropleth={nav.choropleth} level={childLevel(nav.place.level) ?? 'grid'} />}
          {areaResults.pending && <div className="map-notice">{t('app.loading')}</div>}
          {areaResults.failed.length > 0 && (
            <div className="map-notice error">
              {t('app.loadFailed')}
              <button type="button" onClick={() => areaResults.failed.forEach((result) => void result.refetch())}>
                {t('app.retry')}
              </button>
            </div>
          )}
          {plannerCommunity === null && plannerCandidate !== null && (
            <PlannerEntry communityId={plannerCandidate} findArea={findPanelArea} onOpen={(id) => (setPlannerCommunity(id), setSelection(null))} />
          )}
          {selection && plannerCommunity === null && (
            <DetailPanel
              selection={selection}
              findArea={findPanelArea}
              findChildren={findPanelChildren}
              findMediationPoint={findMediationPoint}
              mediationPoints={mediationPoints.data?.features ?? []}
              actor={actor}
              canHandle={allows(session, 'handle')}
              clockOffsetMs={clockOffset}
              onSelect={select}
              onClose={() => setSelection(null)}
            />
          )}
        </main>
        {/* Over the workspace rather than instead of it, so that the map keeps its place and layers. */}
        {view === 'data' && <ImportPage onClose={() => setView('map')} />}
        {audit.open && session && can(session.account.role, 'audit') && <AuditPage onClose={audit.close} />}
        {plannerCommunity !== null ? (
          <PlannerPanel map={map} communityId={plannerCommunity} author={actor} onClose={() => setPlannerCommunity(null)} />
        ) : (
        // Issue 7: the right column holds the command centre and the area panel, one at a time.
        <RightColumn panel={nav.view.panel} onPanel={nav.setPanel}>
          {nav.view.panel === 'command' && (
          <CommandCentre
            feed={live.feed}
            connection={live.connection}
            clockOffsetMs={clockOffset}
            findArea={findPanelArea}
            selectedIncidentId={selection?.kind === 'incident' ? selection.id : null}
            onSelect={setSelection}
            onNewReport={allows(session, 'report') ? () => setIntakeOpen(true) : null}
            operator={session ? null : { typed: operator.typed, setName: operator.setName, fallback: t('command.operatorDefault') }}
            replacement={
              intakeOpen ? (
                <IntakeForm
                  map={map}
                  actor={actor}
                  onPickingChange={onPickingChange}
                  onCancel={() => setIntakeOpen(false)}
                  onDone={(incident) => {
                    setIntakeOpen(false);
                    setSelection({ kind: 'incident', id: incident.id, at: incident.geometry.coordinates });
                  }}
                />
              ) : undefined
            }
          />
          )}
          {nav.view.panel === 'area' && !nav.place && <aside className="area-panel" aria-busy="true" />}
          {nav.view.panel === 'area' && nav.place && (
            <AreaPanel
              place={nav.place}
              view={nav.view}
              onView={nav.setView}
              today={nav.today}
              childrenStats={nav.childrenStats}
              onDrill={goTo}
              onOpenIncident={nav.openIncident}
            />
          )}
        </RightColumn>
        )}
      </div>
    </div>
  );
}
