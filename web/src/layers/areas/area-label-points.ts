import type { AreaCollection } from '@gridmap/shared';
import type { Feature, FeatureCollection, Point } from 'geojson';

export interface AreaLabelProperties {
  id: number;
  name: string;
  level: string;
}

/**
 * One point feature per area at its label point, so that a label sits inside its area once
 * instead of once per polygon part or tile. Collections of several levels may be passed.
 */
export function areaLabelPoints(
  collections: readonly AreaCollection[],
): FeatureCollection<Point, AreaLabelProperties> {
  const features: Feature<Point, AreaLabelProperties>[] = [];
  for (const collection of collections) {
    for (const { properties } of collection.features) {
      features.push({
        type: 'Feature',
        id: properties.id,
        geometry: { type: 'Point', coordinates: [properties.labelLon, properties.labelLat] },
        properties: { id: properties.id, name: properties.name, level: properties.level },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
