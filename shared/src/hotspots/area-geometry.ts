/** A GeoJSON Polygon's or MultiPolygon's coordinates, [lon, lat] pairs: the outline of an area. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };
