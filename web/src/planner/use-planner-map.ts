import type { GridPartition } from '@gridmap/shared/plans/grid-partition';
import type { PartitionProblem } from '@gridmap/shared/plans/validate-partition';
import type { FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { cutFeatures, gridFeatures, midpointFeatures, problemFeatures, vertexFeatures } from './planner-features.ts';
import { PLANNER_SOURCES, plannerLayers } from './planner-layers.ts';

export type PlannerMode = 'edit' | 'split';

export interface PlannerMapProps {
  partition: GridPartition;
  selected: readonly number[];
  changed: ReadonlySet<number>;
  problems: readonly PartitionProblem[];
  cut: readonly Position[];
  mode: PlannerMode;
  /** False while another tab of the planner is shown: the layers hide and take no input. */
  visible: boolean;
  /** A vertex dragged to (lon, lat); `done` on release (one undo step per drag). */
  onDrag(vertex: number, lon: number, lat: number, done: boolean): void;
  onInsert(a: number, b: number, lon: number, lat: number): void;
  onRemove(vertex: number): void;
  onSelectGrid(id: number | null, additive: boolean): void;
  onCutPoint(at: Position): void;
  onCutFinish(): void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Draws the planner's partition on the map and turns mouse input into edits: drag a vertex
 * (every grid that has it follows, since the partition stores it once), click a midpoint to add
 * a vertex, right-click a vertex to remove it, click grids to select them, and in split mode
 * click the points of a line and double-click to cut. A drawing library (terra-draw,
 * mapbox-gl-draw) edits each feature on its own, so a shared vertex would come apart; this
 * edits the one shared topology instead.
 */
export function usePlannerMap(map: MapLibreMap | null, props: PlannerMapProps): void {
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!map) return;
    for (const id of PLANNER_SOURCES) map.addSource(id, { type: 'geojson', data: EMPTY });
    for (const layer of plannerLayers()) map.addLayer(layer);
    // Double-click finishes a cut line and Shift-click adds a grid to the selection, not zooms.
    map.doubleClickZoom.disable();
    map.boxZoom.disable();
    let dragging: number | null = null;
    const at = (e: MapMouseEvent) => [e.lngLat.lng, e.lngLat.lat] as const;
    const onDown = (e: MapMouseEvent) => {
      if (!latest.current.visible) return;
      if (latest.current.mode !== 'edit' || e.originalEvent.button !== 0) return;
      const hit = map.queryRenderedFeatures(e.point, { layers: ['planner-vertices'] })[0];
      if (!hit || hit.properties.locked) return;
      e.preventDefault(); // no drag pan while a vertex moves
      dragging = Number(hit.properties.vertex);
      map.getCanvas().style.cursor = 'grabbing';
    };
    const onMove = (e: MapMouseEvent) => {
      if (dragging !== null) latest.current.onDrag(dragging, ...at(e), false);
      else if (latest.current.mode === 'edit' && latest.current.visible) {
        const hover = map.queryRenderedFeatures(e.point, { layers: ['planner-vertices', 'planner-midpoints'] })[0];
        map.getCanvas().style.cursor = hover && !hover.properties.locked ? 'pointer' : '';
      }
    };
    const onUp = (e: MapMouseEvent) => {
      if (dragging === null) return;
      latest.current.onDrag(dragging, ...at(e), true);
      dragging = null;
      map.getCanvas().style.cursor = '';
    };
    const onClick = (e: MapMouseEvent) => {
      const p = latest.current;
      if (!p.visible) return;
      if (p.mode === 'split') return p.onCutPoint([e.lngLat.lng, e.lngLat.lat]);
      const [hit] = map.queryRenderedFeatures(e.point, { layers: ['planner-vertices', 'planner-midpoints', 'planner-grid-fill'] });
      if (!hit) return p.onSelectGrid(null, false);
      if (hit.layer.id === 'planner-midpoints') return p.onInsert(Number(hit.properties.a), Number(hit.properties.b), e.lngLat.lng, e.lngLat.lat);
      if (hit.layer.id === 'planner-grid-fill') p.onSelectGrid(Number(hit.properties.id), e.originalEvent.shiftKey || e.originalEvent.ctrlKey);
    };
    const onContext = (e: MapMouseEvent) => {
      if (!latest.current.visible) return;
      const hit = map.queryRenderedFeatures(e.point, { layers: ['planner-vertices'] })[0];
      if (hit && !hit.properties.locked) {
        e.preventDefault();
        latest.current.onRemove(Number(hit.properties.vertex));
      }
    };
    const onDouble = () => {
      if (latest.current.mode === 'split') latest.current.onCutFinish();
    };
    map.on('mousedown', onDown);
    map.on('mousemove', onMove);
    map.on('mouseup', onUp);
    map.on('click', onClick);
    map.on('contextmenu', onContext);
    map.on('dblclick', onDouble);
    return () => {
      map.off('mousedown', onDown);
      map.off('mousemove', onMove);
      map.off('mouseup', onUp);
      map.off('click', onClick);
      map.off('contextmenu', onContext);
      map.off('dblclick', onDouble);
      map.doubleClickZoom.enable();
      map.boxZoom.enable();
      map.getCanvas().style.cursor = '';
      if (!map.style) return; // the map itself is gone
      for (const layer of plannerLayers()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      for (const id of PLANNER_SOURCES) if (map.getSource(id)) map.removeSource(id);
    };
  }, [map]);

  const { partition, selected, changed, problems, cut, visible } = props;
  useEffect(() => {
    if (!map) return;
    for (const layer of plannerLayers()) if (map.getLayer(layer.id)) map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
  }, [map, visible]);
  useEffect(() => {
    if (!map) return;
    (map.getSource('planner-grids') as GeoJSONSource | undefined)?.setData(gridFeatures(partition, selected, changed));
    (map.getSource('planner-vertices') as GeoJSONSource | undefined)?.setData(vertexFeatures(partition));
    (map.getSource('planner-midpoints') as GeoJSONSource | undefined)?.setData(midpointFeatures(partition));
  }, [map, partition, selected, changed]);
  useEffect(() => {
    (map?.getSource('planner-problems') as GeoJSONSource | undefined)?.setData(problemFeatures(problems));
  }, [map, problems]);
  useEffect(() => {
    (map?.getSource('planner-cut') as GeoJSONSource | undefined)?.setData(cutFeatures(cut));
  }, [map, cut]);
}
