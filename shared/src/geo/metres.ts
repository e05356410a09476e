/** Metres per degree of latitude (mean Earth radius 6,371,008.8 m; good to ~0.5 % anywhere). */
export const METRES_PER_DEGREE_LAT = (Math.PI * 6_371_008.8) / 180;

/** Metres per degree of longitude at latitude `lat` (degrees). */
export function metresPerDegreeLon(lat: number): number {
  return METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
}

/**
 * Distance in metres between two [lon, lat] points on the equirectangular approximation:
 * exact enough (< 0.1 %) within a county, and much cheaper than haversine in hot loops.
 */
export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * metresPerDegreeLon((lat1 + lat2) / 2);
  const dy = (lat2 - lat1) * METRES_PER_DEGREE_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}
