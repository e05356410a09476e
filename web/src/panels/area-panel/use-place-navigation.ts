import { childLevel, countyDay, type AreaCollection, type AreaTreeLevel, type AreaProperties } from '@gridmap/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo } from 'react';
import { placeChildrenData, placeChoropleth } from '../../layers/choropleth/place-choropleth.ts';
import { usePlaceFit, usePlaceLayers } from '../../layers/choropleth/use-place-layers.ts';
import type { Selection } from '../../map/selection.ts';
import { useSession } from '../../session/use-session.ts';
import { useViewState } from '../../url-state/use-view-state.ts';
import type { ViewState } from '../../url-state/view-state.ts';
import { areaChain } from '../detail-panel/area-chain.ts';
import { areaDetailQueryOptions, incidentQueryOptions } from '../detail-panel/detail-queries.ts';
import { drillTarget, drillTargetOnPath } from '../breadcrumb/drill-target.ts';
import type { IncidentRowFeature } from '../incident-table/incident-table.tsx';
import { childrenStatsQueryOptions } from './area-stats-queries.ts';
import { useAreaBranches } from '../../layers/areas/use-area-branches.ts';

/** Zoom the map goes to (at least) to show an incident opened from the table. */
const INCIDENT_ZOOM = 15;

export interface PlaceNavigationInput {
  areas: Partial<Record<AreaTreeLevel, AreaCollection>>;
  findArea: (id: number) => AreaProperties | undefined;
  map: MapLibreMap | null;
  selection: Selection | null;
  setSelection: (selection: Selection | null) => void;
  /** The server's time now. */
  now: Date;
  /** Whether the map draws communities and grids from tiles (then their branch is loaded here). */
  areaTiles: boolean;
}

/**
 * The official's place in the hierarchy and everything that follows from it: the URL's view,
 * the breadcrumb chain, the children's figures coloured on the map, drilling by map clicks,
 * and incidents opened from the table (selected for the detail panel and shown on the map).
 */
export function usePlaceNavigation({ areas: loaded, findArea: findLoaded, map, selection, setSelection, now, areaTiles }: PlaceNavigationInput) {
  const [view, setView] = useViewState();
  const queryClient = useQueryClient();
  const { session } = useSession();
  // The top of what the account sees: the county, or the account's own town, community or grid.
  const rootId = loaded.county?.features[0]?.id ?? session?.account.areaId ?? undefined;
  const placeId = view.area ?? rootId;
  const { areas, findArea } = useAreaBranches(placeId, areaTiles, loaded, findLoaded);
  const place = placeId === undefined ? undefined : findArea(placeId);
  const placeFeature = place ? areas[place.level]?.features.find((f) => f.id === place.id) : undefined;
  const chain = useMemo(() => (place ? areaChain(place.id, findArea, 'county') : []), [place, findArea]);

  const figure = view.figure === 'none' ? 'reported' : view.figure;
  const below = place ? childLevel(place.level) : null;
  const childrenStats = useQuery({
    ...childrenStatsQueryOptions(place?.id ?? 0, figure, { from: view.from, to: view.to }),
    enabled: place !== undefined && below !== null,
  });
  const stats = childrenStats.data;
  const choropleth = useMemo(
    () => placeChoropleth(figure, stats?.children.map((c) => c.value) ?? []),
    [figure, stats],
  );
  const childrenData = useMemo(() => {
    if (!place || !below || !stats || view.figure === 'none') return null;
    const features = areas[below]?.features.filter((f) => f.properties.parentId === place.id) ?? [];
    return placeChildrenData(features, new Map(stats.children.map((c) => [c.id, c.value])));
  }, [place, below, stats, areas, view.figure]);

  usePlaceLayers(map, placeFeature, childrenData, choropleth);
  usePlaceFit(map, placeFeature);

  const goTo = useCallback(
    (id: number) => {
      const area = findArea(id);
      setView({ ...view, panel: 'area', area: area?.level === 'county' || id === rootId ? null : id, incident: null });
      if (selection?.kind === 'incident') setSelection(null);
    },
    [findArea, setView, view, selection, setSelection, rootId],
  );

  /** A map click on an area (a grid): one level down toward it, or across to it. */
  const onAreaPick = useCallback(
    (pickedId: number) => {
      if (!place) return;
      if (findArea(pickedId) === undefined) {
        // Drawn from tiles, not loaded (issue 8): its detail names its ancestors.
        void queryClient.fetchQuery(areaDetailQueryOptions(pickedId)).then((detail) => {
          const target = drillTargetOnPath(detail.properties.path, place, findArea);
          if (target) goTo(target.id);
        }, () => {});
        return;
      }
      const target = drillTarget(pickedId, place, findArea);
      if (target) goTo(target.id);
    },
    [place, findArea, goTo, queryClient],
  );

  const openIncident = useCallback(
    (incident: IncidentRowFeature) => {
      const at = incident.geometry.coordinates;
      setSelection({ kind: 'incident', id: incident.id, at });
      setView({ ...view, incident: incident.id });
      map?.easeTo({ center: at, zoom: Math.max(map.getZoom(), INCIDENT_ZOOM) });
    },
    [setSelection, setView, view, map],
  );

  // An incident named in the URL opens once it has loaded; closing the detail clears it.
  const linked = useQuery({ ...incidentQueryOptions(view.incident ?? 0), enabled: view.incident !== null && selection === null });
  useEffect(() => {
    const feature = linked.data;
    if (feature && view.incident === feature.id && selection === null) {
      setSelection({ kind: 'incident', id: feature.id, at: feature.geometry.coordinates });
    }
    // Only a newly loaded incident opens; later selections are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked.data]);
  useEffect(() => {
    const openId = selection?.kind === 'incident' ? selection.id : null;
    if (view.incident !== null && openId !== view.incident && !linked.isPending) setView({ ...view, incident: openId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection]);

  return {
    /** The areas loaded, with the place's branch when they are tiled; and their lookup. */
    areas,
    findArea,
    view,
    setView: setView as (view: ViewState) => void,
    place,
    chain,
    childrenStats: stats,
    choropleth,
    figureShown: view.figure !== 'none' && below !== null,
    today: countyDay(now.getTime()),
    setPanel: (panel: ViewState['panel']) => setView({ ...view, panel }),
    goTo,
    onAreaPick,
    openIncident,
  };
}
