import { childLevel, type AreaCollection, type AreaTreeLevel, type AreaProperties } from '@gridmap/shared';

/**
 * The areas directly under `parent`, most open incidents first (where work waits), then by
 * households, then by name; empty for a grid or while the child level has not loaded.
 */
export function childAreas(
  areas: Partial<Record<AreaTreeLevel, AreaCollection>>,
  parent: { id: number; level: AreaTreeLevel },
): AreaProperties[] {
  const level = childLevel(parent.level);
  const collection = level ? areas[level] : undefined;
  if (!collection) return [];
  return collection.features
    .map((feature) => feature.properties)
    .filter((area) => area.parentId === parent.id)
    .sort(
      (a, b) =>
        b.openIncidents - a.openIncidents ||
        b.households - a.households ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}
