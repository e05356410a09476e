import KDBush from 'kdbush';
import { EARTH_RADIUS_M, haversineMetres } from './haversine.ts';

/** Many points by [lon, lat] in degrees and a KD-tree over them, for radius queries. */
export interface PointCloud {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  tree: KDBush | null;
}

/** Indexes parallel lon/lat arrays (degrees). */
export function buildPointCloud(lon: Float64Array, lat: Float64Array): PointCloud {
  const count = lon.length;
  const tree = count > 0 ? new KDBush(count) : null;
  for (let i = 0; i < count; i++) tree?.add(lon[i], lat[i]);
  tree?.finish();
  return { count, lon, lat, tree };
}

const DEGREE_M = (Math.PI / 180) * EARTH_RADIUS_M;

/**
 * Calls `visit(i)` for every point within `radiusM` metres (haversine, edge included) of
 * [lon, lat]: a box query in degrees wide enough at the box's poleward edge, then the exact test.
 * Points for which `skip(i)` is true are passed over before the (costlier) distance test.
 */
export function forEachPointWithin(
  cloud: PointCloud,
  lon: number,
  lat: number,
  radiusM: number,
  visit: (i: number) => void,
  skip?: (i: number) => boolean,
): void {
  if (!cloud.tree) return;
  const dLat = (radiusM / DEGREE_M) * 1.001;
  const poleward = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = Math.min(180, dLat / Math.cos((poleward * Math.PI) / 180));
  for (const i of cloud.tree.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
    if (skip?.(i)) continue;
    if (haversineMetres(lon, lat, cloud.lon[i], cloud.lat[i]) <= radiusM) visit(i);
  }
}
