import { AREA_LEVELS, EXPORT_FORMATS, type AreaLevel, type ExportFormat } from '@gridmap/shared';

/** One exportable layer: what the page lists and the route and filter it downloads from. */
export interface ExportLayer {
  id: string;
  level: AreaLevel | null;
  layer: 'areas' | 'households' | 'mediation-points' | 'incidents';
}

/** The layers the export panel lists: areas per level, then the point layers. */
export const EXPORT_LAYERS: readonly ExportLayer[] = [
  ...AREA_LEVELS.map((level): ExportLayer => ({ id: `areas-${level}`, level, layer: 'areas' })),
  { id: 'households', level: null, layer: 'households' },
  { id: 'mediation-points', level: null, layer: 'mediation-points' },
  { id: 'incidents', level: null, layer: 'incidents' },
];

/** The download URL of a layer in a format, e.g. exportUrl(households, 'csv') === '/api/layer-exports/households?format=csv'. */
export function exportUrl(layer: ExportLayer, format: ExportFormat): string {
  const params = new URLSearchParams({ format });
  if (layer.level) params.set('level', layer.level);
  return `/api/layer-exports/${layer.layer}?${params}`;
}

export { EXPORT_FORMATS };
