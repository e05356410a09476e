/** Mean Earth radius in metres (IUGG), the radius every great-circle distance here uses. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two [lon, lat] points (degrees) by the haversine
 * formula. The nearest-point index and the brute-force scan both call this one function, in the
 * order (query, point), so that their distances are equal to the last bit and their orders agree.
 * @example haversineMetres(120, 29, 120, 30) // ≈ 111,195 m
 */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLon * sinDLon;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
