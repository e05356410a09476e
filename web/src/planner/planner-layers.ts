import type { LayerSpecification } from 'maplibre-gl';

export const PLANNER_SOURCES = ['planner-grids', 'planner-midpoints', 'planner-vertices', 'planner-problems', 'planner-cut'] as const;

/** Vertex handle radius in pixels; large enough to grab, small enough to see the edges. */
export const VERTEX_RADIUS_PX = 4.5;

/** The planner's layers, drawn above everything else: grids, edges, handles, problems, the cut line. */
export function plannerLayers(): LayerSpecification[] {
  return [
    {
      id: 'planner-grid-fill', type: 'fill', source: 'planner-grids',
      paint: {
        'fill-color': ['case', ['get', 'selected'], '#f59e0b', ['get', 'changed'], '#38bdf8', '#94a3b8'],
        'fill-opacity': ['case', ['get', 'selected'], 0.35, 0.18],
      },
    },
    { id: 'planner-grid-line', type: 'line', source: 'planner-grids', paint: { 'line-color': '#0f172a', 'line-width': 1.6 } },
    {
      id: 'planner-midpoints', type: 'circle', source: 'planner-midpoints', minzoom: 14,
      paint: { 'circle-radius': 3, 'circle-color': '#ffffff', 'circle-opacity': 0.7, 'circle-stroke-color': '#0369a1', 'circle-stroke-width': 1 },
    },
    {
      id: 'planner-vertices', type: 'circle', source: 'planner-vertices',
      paint: {
        'circle-radius': ['case', ['get', 'shared'], VERTEX_RADIUS_PX, VERTEX_RADIUS_PX - 1.5],
        'circle-color': ['case', ['get', 'locked'], '#64748b', '#0369a1'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    },
    {
      id: 'planner-problems', type: 'circle', source: 'planner-problems',
      paint: { 'circle-radius': 9, 'circle-color': 'rgba(220, 38, 38, 0.25)', 'circle-stroke-color': '#dc2626', 'circle-stroke-width': 2 },
    },
    { id: 'planner-cut', type: 'line', source: 'planner-cut', paint: { 'line-color': '#dc2626', 'line-width': 2, 'line-dasharray': [2, 1] } },
  ];
}
