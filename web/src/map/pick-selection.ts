import { AREA_LEVELS, type AreaLevel } from '@gridmap/shared';
import type { LngLat, Selection } from './selection.ts';

/** The part of a rendered feature that picking reads (MapGeoJSONFeature has these). */
export interface PickedFeature {
  layer: { id: string };
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown };
}

/** Layers a click can select, the first listed wins where several are under the pointer. */
export const CLICKABLE_LAYERS = [
  'live-incidents',
  'mediation-points',
  'incidents-point',
  'households-point',
  'incidents-bin',
  'grid-fill',
] as const;

export type Pick = { kind: 'select'; selection: Selection } | { kind: 'zoomTo'; at: LngLat } | null;

function pointOf(feature: PickedFeature, fallback: LngLat): LngLat {
  const { geometry } = feature;
  if (geometry.type === 'Point' && Array.isArray(geometry.coordinates)) {
    const [lon, lat] = geometry.coordinates as number[];
    return [lon, lat];
  }
  return fallback;
}

function idOf(feature: PickedFeature): number | null {
  const raw = feature.properties.id ?? feature.id;
  const id = typeof raw === 'string' ? Number(raw) : raw;
  return typeof id === 'number' && Number.isFinite(id) ? id : null;
}

/**
 * What a click on these features means: select the topmost clickable one, or zoom into an
 * incident bin (bins are counts, not cases). `at` is where the click landed.
 */
export function pickSelection(features: readonly PickedFeature[], at: LngLat): Pick {
  for (const layerId of CLICKABLE_LAYERS) {
    const feature = features.find((candidate) => candidate.layer.id === layerId);
    if (!feature) continue;
    if (layerId === 'incidents-bin') return { kind: 'zoomTo', at: pointOf(feature, at) };
    const id = idOf(feature);
    if (id === null) continue;
    switch (layerId) {
      case 'mediation-points':
        return { kind: 'select', selection: { kind: 'mediationPoint', id, at: pointOf(feature, at) } };
      case 'live-incidents':
      case 'incidents-point':
        return { kind: 'select', selection: { kind: 'incident', id, at: pointOf(feature, at) } };
      case 'households-point':
        return { kind: 'select', selection: { kind: 'household', id, at: pointOf(feature, at) } };
      case 'grid-fill': {
        const level = feature.properties.level;
        const areaLevel: AreaLevel = (AREA_LEVELS as readonly unknown[]).includes(level) ? (level as AreaLevel) : 'grid';
        return { kind: 'select', selection: { kind: 'area', id, level: areaLevel } };
      }
    }
  }
  return null;
}
