import type { AreaLevel } from '@gridmap/shared';

/** Source id of the GeoJSON areas of a level, e.g. 'areas-grid'. */
export function areaSourceId(level: AreaLevel): `areas-${AreaLevel}` {
  return `areas-${level}`;
}

/** Source of the label points of every level (one point per area, from labelLon/labelLat). */
export const AREA_LABEL_SOURCE_ID = 'area-labels';
