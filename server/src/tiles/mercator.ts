/** Web Mercator stops at this latitude (the square world of slippy-map tiles), in degrees. */
const MAX_MERCATOR_LAT = 85.0511287798066;

/** Longitude in degrees to the Web Mercator x of the whole world, 0 (180°W) … 1 (180°E). */
export function mercatorX(lon: number): number {
  return lon / 360 + 0.5;
}

/** Latitude in degrees to the Web Mercator y of the whole world, 0 (north edge) … 1 (south edge). */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/** The inverse of `mercatorX`. */
export function mercatorLon(x: number): number {
  return (x - 0.5) * 360;
}

/** The inverse of `mercatorY`. */
export function mercatorLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** [minLon, minLat, maxLon, maxLat] of tile z/x/y. */
export function tileBbox(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z;
  return [mercatorLon(x / n), mercatorLat((y + 1) / n), mercatorLon((x + 1) / n), mercatorLat(y / n)];
}
