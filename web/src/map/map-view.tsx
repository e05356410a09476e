import { AREA_LEVELS, type AreaCollection, type AreaLevel } from '@gridmap/shared';
import type { FeatureCollection } from 'geojson';
import {
  AttributionControl,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type MapMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { MediationPointCollection } from '../api/points-api.ts';
import { useI18n } from '../i18n/locale-context.tsx';
import { areaLabelPoints } from '../layers/areas/area-label-points.ts';
import { AREA_LABEL_SOURCE_ID, areaSourceId } from '../layers/areas/area-sources.ts';
import { choroplethColour, choroplethOpacity, type Choropleth } from '../layers/grid-fill/grid-fill-layer.ts';
import { incidentScopeStyle } from '../layers/incidents/incident-scope.ts';
import { MEDIATION_POINTS_SOURCE_ID } from '../layers/mediation-points/mediation-points-layer.ts';
import { SELECTED_POINT_SOURCE_ID, selectedPointData } from '../layers/selection/selected-point-layers.ts';
import { layerVisibility, type LayerSettings } from '../panels/layer-panel/layer-settings.ts';
import { addGridmapLayers } from './add-gridmap-layers.ts';
import { baseStyle } from './base-style.ts';
import { binClickZoom } from './bin-zoom.ts';
import { createMap } from './create-map.ts';
import { geometryBounds } from './geometry-bounds.ts';
import { CLICKABLE_LAYERS, pickSelection, type Pick, type PickedFeature } from './pick-selection.ts';
import type { Selection } from './selection.ts';

/** Half the side of the box a click searches for points, in pixels: circles and symbols are hit
 * within their own size already; this only helps the smallest household dots. */
const CLICK_TOLERANCE_PX = 2;
/** Padding around the county when fitting it, in pixels. */
const FIT_PADDING_PX = 24;
/** Padding around an area picked in the detail panel, in pixels; the right side clears the
 * panel (its CSS width, 320 px, plus its 10 px inset and a margin). */
const AREA_FIT_PADDING_PX = { top: 40, bottom: 40, left: 40, right: 380 };
/** Closest zoom an area fit goes to: a small grid still shows its neighbours. */
const AREA_FIT_MAX_ZOOM = 16;
/** How long the move to a picked area takes, in ms. */
const AREA_FIT_DURATION_MS = 600;
const POINT_LAYERS = CLICKABLE_LAYERS.filter((id) => id !== 'grid-fill');

export interface MapViewProps {
  /** Our own base style, or a configured base map's style URL. */
  style: StyleSpecification | string;
  areas: Partial<Record<AreaLevel, AreaCollection>>;
  mediationPoints: MediationPointCollection | undefined;
  choropleth: Choropleth;
  settings: LayerSettings;
  selection: Selection | null;
  /** First day of the 'recent' incident scope ('YYYY-MM-DD', UTC), from the server's clock. */
  incidentCutoffDay: string;
  onPick: (pick: Pick) => void;
  /** Hears of the MapLibre instance once its layers are in (and of null when it goes), for feature hooks that add their own. */
  onMap?: (map: MapLibreMap | null) => void;
}

/** The map: owns the MapLibre instance and keeps its sources and layers in step with props. */
export function MapView(props: MapViewProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [map, setMap] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = createMap(container, latest.current.style, t);
    let added = false;
    instance.on('style.load', () => {
      if (added) return;
      added = true;
      const { choropleth, settings, incidentCutoffDay } = latest.current;
      addGridmapLayers(instance, choropleth, incidentScopeStyle(settings.incidentScope, incidentCutoffDay));
      setMap(instance);
      latest.current.onMap?.(instance);
    });
    instance.on('error', (event) => {
      // Without a listener MapLibre logs errors to the console; a failed tile is not one.
      console.warn('[map]', event.error?.message ?? event.error);
      // A configured base map that cannot be loaded (offline) falls back to our own style.
      if (!added && typeof latest.current.style === 'string') {
        latest.current = { ...latest.current, style: baseStyle() };
        instance.setStyle(baseStyle());
      }
    });
    bindPointer(instance, (pick) => latest.current.onPick(pick));
    return () => {
      latest.current.onMap?.(null);
      // After the rest of this unmount (signing out unmounts the whole app): the layer hooks of
      // other components clean up in the same pass and still talk to the map.
      queueMicrotask(() => instance.remove());
      setMap(null);
      delete window.__gridmap;
      delete document.documentElement.dataset.mapReady;
    };
    // The map is made once; later prop changes reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useAreaSources(map, props.areas);

  useEffect(() => {
    if (!map || !props.mediationPoints) return;
    (map.getSource(MEDIATION_POINTS_SOURCE_ID) as GeoJSONSource).setData(props.mediationPoints as FeatureCollection);
  }, [map, props.mediationPoints]);

  useEffect(() => {
    map?.setPaintProperty('grid-fill', 'fill-color', choroplethColour(props.choropleth));
  }, [map, props.choropleth]);

  useEffect(() => {
    if (!map) return;
    for (const [layerId, visible] of Object.entries(layerVisibility(props.settings))) {
      map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
    }
  }, [map, props.settings]);

  // The household density would drown in a full-strength grid fill.
  useEffect(() => {
    map?.setPaintProperty('grid-fill', 'fill-opacity', choroplethOpacity(props.settings.households));
  }, [map, props.settings.households]);

  useEffect(() => {
    if (!map) return;
    const scope = incidentScopeStyle(props.settings.incidentScope, props.incidentCutoffDay);
    map.setFilter('incidents-point', scope.pointFilter);
    map.setFilter('incidents-bin', scope.binFilter);
    map.setPaintProperty('incidents-bin', 'circle-radius', scope.binRadius);
  }, [map, props.settings.incidentScope, props.incidentCutoffDay]);

  useEffect(() => {
    (map?.getSource(SELECTED_POINT_SOURCE_ID) as GeoJSONSource | undefined)?.setData(selectedPointData(props.selection));
  }, [map, props.selection]);

  useFitPickedArea(map, props.areas, props.selection);
  useSelectedOutline(map, props.selection);
  useControlLabels(map, t);

  return <div ref={containerRef} className="map-view" />;
}

/** Fills the area sources and label points as levels arrive; fits the county once; flags ready. */
function useAreaSources(map: MapLibreMap | null, areas: MapViewProps['areas']) {
  const shown = useRef(new Map<AreaLevel, AreaCollection>());
  const fitted = useRef(false);
  const ready = useRef(false);
  useEffect(() => {
    if (!map) return;
    let changed = false;
    for (const level of AREA_LEVELS) {
      const data = areas[level];
      if (!data || shown.current.get(level) === data) continue;
      (map.getSource(areaSourceId(level)) as GeoJSONSource).setData(data as FeatureCollection);
      shown.current.set(level, data);
      changed = true;
    }
    if (!changed) return;
    const labelled = (['town', 'community', 'grid'] as const).flatMap((level) => areas[level] ?? []);
    (map.getSource(AREA_LABEL_SOURCE_ID) as GeoJSONSource).setData(areaLabelPoints(labelled));

    const county = areas.county?.features[0];
    if (county && !fitted.current) {
      fitted.current = true;
      map.fitBounds(geometryBounds(county.geometry), { padding: FIT_PADDING_PX, animate: false });
    }
    if (!ready.current && AREA_LEVELS.every((level) => shown.current.has(level))) {
      ready.current = true;
      map.once('idle', () => {
        document.documentElement.dataset.mapReady = 'true';
      });
      map.triggerRepaint();
    }
  }, [map, areas]);
}

/** Outlines the selected area through feature state, clearing the previous one. */
function useSelectedOutline(map: MapLibreMap | null, selection: Selection | null) {
  useEffect(() => {
    if (!map || selection?.kind !== 'area') return;
    const target = { source: areaSourceId(selection.level), id: selection.id };
    map.setFeatureState(target, { selected: true });
    return () => {
      if (map.getSource(target.source)) map.setFeatureState(target, { selected: false });
    };
  }, [map, selection]);
}

/** Frames an area picked in the detail panel (a child or a breadcrumb), not one clicked on the map. */
function useFitPickedArea(map: MapLibreMap | null, areas: MapViewProps['areas'], selection: Selection | null) {
  useEffect(() => {
    if (!map || selection?.kind !== 'area' || !selection.fit) return;
    const feature = areas[selection.level]?.features.find((candidate) => candidate.id === selection.id);
    if (!feature) return;
    // On a narrow screen the panel covers the map anyway: never pad away more than half of it.
    const right = Math.min(AREA_FIT_PADDING_PX.right, map.getContainer().clientWidth / 2);
    map.fitBounds(geometryBounds(feature.geometry), {
      padding: { ...AREA_FIT_PADDING_PX, right },
      maxZoom: AREA_FIT_MAX_ZOOM,
      duration: AREA_FIT_DURATION_MS,
    });
    // Only a new selection moves the map; areas refetched later must not pull it back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, selection]);
}

/** Our attribution and the zoom buttons' titles follow the language. */
function useControlLabels(map: MapLibreMap | null, t: ReturnType<typeof useI18n>['t']) {
  useEffect(() => {
    if (!map) return;
    const attribution = new AttributionControl({ compact: false, customAttribution: t('app.attribution') });
    map.addControl(attribution, 'bottom-right');
    const container = map.getContainer();
    const titles: [string, string][] = [
      ['.maplibregl-ctrl-zoom-in', t('map.zoomIn')],
      ['.maplibregl-ctrl-zoom-out', t('map.zoomOut')],
    ];
    for (const [selector, title] of titles) {
      const button = container.querySelector<HTMLButtonElement>(selector);
      if (!button) continue;
      button.title = title;
      button.setAttribute('aria-label', title);
    }
    return () => {
      map.removeControl(attribution);
    };
  }, [map, t]);
}

/** Pointer cursor over clickable features, hover state on grids, and clicks turned into picks. */
function bindPointer(map: MapLibreMap, onPick: (pick: Pick) => void) {
  let hovered: number | string | null = null;
  const setHover = (id: number | string | null) => {
    if (id === hovered) return;
    if (hovered !== null) map.setFeatureState({ source: areaSourceId('grid'), id: hovered }, { hover: false });
    hovered = id;
    if (id !== null) map.setFeatureState({ source: areaSourceId('grid'), id }, { hover: true });
  };
  const pickedAt = (event: MapMouseEvent): PickedFeature[] => {
    if (!map.getLayer('grid-fill')) return [];
    const { x, y } = event.point;
    const box: [[number, number], [number, number]] = [
      [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
      [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
    ];
    // Layers that features add later (the live layer) are queried once they exist.
    const points = map.queryRenderedFeatures(box, { layers: POINT_LAYERS.filter((id) => map.getLayer(id)) });
    const grids = map.queryRenderedFeatures(event.point, { layers: ['grid-fill'] });
    return [...points, ...grids];
  };

  map.on('mousemove', (event) => {
    const features = pickedAt(event);
    map.getCanvas().style.cursor = features.length > 0 ? 'pointer' : '';
    const grid = features.find((feature) => feature.layer.id === 'grid-fill');
    setHover(grid?.id ?? null);
  });
  map.on('mouseout', () => {
    map.getCanvas().style.cursor = '';
    setHover(null);
  });
  map.on('click', (event) => {
    const pick = pickSelection(pickedAt(event), [event.lngLat.lng, event.lngLat.lat]);
    if (pick?.kind === 'zoomTo') {
      map.easeTo({ center: pick.at, zoom: binClickZoom(map.getZoom(), map.getMaxZoom()) });
    }
    onPick(pick);
  });
}
