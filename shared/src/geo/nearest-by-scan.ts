import type { GeoIndex, Neighbour } from './geo-index.ts';
import { haversineMetres } from './haversine.ts';

/**
 * The reference answer of `nearestNeighbours`: every point's haversine distance, sorted by
 * distance then id. Linear in the points; tests and benchmarks compare the index with it.
 */
export function nearestByScan(
  index: GeoIndex,
  lon: number,
  lat: number,
  k: number,
  accept?: (i: number) => boolean,
  maxDistanceM = Infinity,
): Neighbour[] {
  const all: Neighbour[] = [];
  for (let i = 0; i < index.count; i++) {
    if (accept && !accept(i)) continue;
    const distanceM = haversineMetres(lon, lat, index.lon[i], index.lat[i]);
    if (distanceM <= maxDistanceM) all.push({ index: i, id: index.ids[i], distanceM });
  }
  all.sort((a, b) => a.distanceM - b.distanceM || a.id - b.id);
  return all.slice(0, Math.max(0, k));
}
