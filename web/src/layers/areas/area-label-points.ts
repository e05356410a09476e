import type { AreaCollection } from '@gridmap/shared';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { shortAreaName } from '@gridmap/shared/areas/short-area-name';

export interface AreaLabelProperties {
  id: number;
  name: string;
  level: string;
  /** What the map writes: the name, without its parent's name where it starts with it. */
  label: string;
}

export { shortAreaName };

/**
 * One point feature per area at its label point, so that a label sits inside its area once
 * instead of once per polygon part or tile. Collections of several levels may be passed; a grid
 * is labelled short when its community is among them.
 */
export function areaLabelPoints(
  collections: readonly AreaCollection[],
): FeatureCollection<Point, AreaLabelProperties> {
  const names = new Map<number, string>();
  for (const collection of collections) for (const { properties } of collection.features) names.set(properties.id, properties.name);
  const features: Feature<Point, AreaLabelProperties>[] = [];
  for (const collection of collections) {
    for (const { properties } of collection.features) {
      const { id, name, level, parentId } = properties;
      const label = level === 'grid' && parentId !== null ? shortAreaName(name, names.get(parentId)) : name;
      features.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [properties.labelLon, properties.labelLat] },
        properties: { id, name, level, label },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
