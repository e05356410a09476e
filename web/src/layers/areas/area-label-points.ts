import type { AreaCollection } from '@gridmap/shared';
import type { Feature, FeatureCollection, Point } from 'geojson';

export interface AreaLabelProperties {
  id: number;
  name: string;
  level: string;
  /** What the map writes: the name, without its parent's name where it starts with it. */
  label: string;
}

/**
 * An area's name without the parent's name it starts with: grids are named after their
 * community ('浦阳社区第二网格'), which the community label beside them already says.
 * @example shortAreaName('浦阳社区第二网格', '浦阳社区') // '第二网格'
 */
export function shortAreaName(name: string, parentName: string | undefined): string {
  if (!parentName || !name.startsWith(parentName) || name.length === parentName.length) return name;
  return name.slice(parentName.length).trim();
}

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
