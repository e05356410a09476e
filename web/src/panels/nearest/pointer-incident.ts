/** Layers whose features are incidents (the live layer above the tiles first). */
export const INCIDENT_POINT_LAYERS = ['live-incidents', 'incidents-point'] as const;

/** The id of the incident under the pointer among rendered features, or null (bins of many are not one incident). */
export function incidentUnderPointer(features: readonly { layer: { id: string }; properties: Record<string, unknown> }[]): number | null {
  for (const layer of INCIDENT_POINT_LAYERS) {
    const hit = features.find((f) => f.layer.id === layer && typeof f.properties.id === 'number');
    if (hit) return hit.properties.id as number;
  }
  return null;
}
