import KDBush from 'kdbush';
import { buildGeoGrid, gridCovers, nearestInGrid, type GeoGrid } from './geo-grid.ts';
import { EARTH_RADIUS_M, haversineMetres } from './haversine.ts';
import { MinHeap } from './min-heap.ts';

/**
 * Leaf size of the KD-tree. Small leaves suit the few hundred to few thousand points of a
 * county's or a province's mediation points: fewer exact distances per query (see
 * scripts/bench/nearest.ts for the measurement that chose it).
 */
export const GEO_INDEX_NODE_SIZE = 8;

/**
 * Points by [lon, lat] in degrees with their ids, a KD-tree over them (null when empty), and a
 * grid of buckets for the one nearest point (null when empty or spread over a hemisphere).
 */
export interface GeoIndex {
  count: number;
  ids: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  tree: KDBush | null;
  grid: GeoGrid | null;
}

/** One answer of `nearestNeighbours`: the point's position in the index, its id and distance. */
export interface Neighbour {
  index: number;
  id: number;
  distanceM: number;
}

/** Indexes points `{ id, lon, lat }` (degrees) for great-circle nearest-neighbour search. */
export function buildGeoIndex(points: readonly { id: number; lon: number; lat: number }[], nodeSize = GEO_INDEX_NODE_SIZE): GeoIndex {
  const count = points.length;
  const ids = new Float64Array(count);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const tree = count > 0 ? new KDBush(count, nodeSize) : null;
  points.forEach((p, i) => {
    ids[i] = p.id;
    lon[i] = p.lon;
    lat[i] = p.lat;
    tree?.add(p.lon, p.lat);
  });
  tree?.finish();
  return { count, ids, lon, lat, tree, grid: buildGeoGrid(ids, lon, lat, count) };
}

/** A KD-tree node or a point waiting in the search queue; one shape, so that V8 keeps it monomorphic. */
interface QueueItem {
  /** A point's exact distance, or a lower bound on the distance to any point under a node (m). */
  d: number;
  /** The point's position in the index, or -1 for a node. */
  point: number;
  id: number;
  left: number;
  right: number;
  axis: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * Nodes before points at equal distance, and points by id: a point leaves the queue only when
 * no node could still hold a point as near, so ties come out by id.
 */
function queueLess(a: QueueItem, b: QueueItem): boolean {
  if (a.d !== b.d) return a.d < b.d;
  if (a.point < 0 || b.point < 0) return a.point < 0 && b.point >= 0;
  return a.id < b.id;
}

/**
 * The `k` points nearest to [lon, lat] by great-circle distance (haversine metres), nearest first,
 * ties by id; only points that `accept` (given their position in the index) and lie within
 * `maxDistanceM`. Fewer than `k` when fewer qualify. The order equals a brute-force scan with
 * `haversineMetres` exactly: boxes are pruned on a lower bound that errs low.
 * Branch-and-bound over kdbush's tree after geokdbush (Vladimir Agafonkin, ISC).
 */
export function nearestNeighbours(
  index: GeoIndex,
  lon: number,
  lat: number,
  k: number,
  accept?: (i: number) => boolean,
  maxDistanceM = Infinity,
): Neighbour[] {
  const result: Neighbour[] = [];
  const tree = index.tree;
  if (!tree || k <= 0) return result;
  const ids = tree.ids;
  const coords = tree.coords;
  const nodeSize = tree.nodeSize;
  const cosLat = Math.cos(lat * RAD);
  const queue = new MinHeap<QueueItem>(queueLess);
  const pushPoint = (i: number) => {
    if (accept && !accept(i)) return;
    const d = haversineMetres(lon, lat, index.lon[i], index.lat[i]);
    if (d <= maxDistanceM) queue.push(item(d, i, index.ids[i], 0, 0, 0, 0, 0, 0, 0));
  };
  let node: QueueItem | undefined = item(0, -1, 0, 0, ids.length - 1, 0, -180, -90, 180, 90);

  while (node) {
    const { left, right } = node;
    if (right - left <= nodeSize) {
      for (let j = left; j <= right; j++) pushPoint(ids[j]);
    } else {
      const m = (left + right) >> 1;
      const midLon = coords[2 * m];
      const midLat = coords[2 * m + 1];
      pushPoint(ids[m]);
      const nextAxis = 1 - node.axis;
      const a = node.axis === 0
        ? item(0, -1, 0, left, m - 1, nextAxis, node.minLon, node.minLat, midLon, node.maxLat)
        : item(0, -1, 0, left, m - 1, nextAxis, node.minLon, node.minLat, node.maxLon, midLat);
      const b = node.axis === 0
        ? item(0, -1, 0, m + 1, right, nextAxis, midLon, node.minLat, node.maxLon, node.maxLat)
        : item(0, -1, 0, m + 1, right, nextAxis, node.minLon, midLat, node.maxLon, node.maxLat);
      for (const child of [a, b]) {
        if (child.left > child.right) continue;
        child.d = boxLowerBoundMetres(lon, lat, cosLat, child);
        if (child.d <= maxDistanceM) queue.push(child);
      }
    }
    // Hand out points while they lead the queue: no node left can hold one as near.
    while (queue.size > 0 && (queue.peek() as QueueItem).point >= 0) {
      const p = queue.pop() as QueueItem;
      result.push({ index: p.point, id: p.id, distanceM: p.d });
      if (result.length === k) return result;
    }
    node = queue.pop();
  }
  return result;
}

/**
 * The one point nearest to [lon, lat] (ties by id), equal to `nearestNeighbours(index, lon, lat, 1)`.
 * A province's nearest mediation point is asked for on every incident, so this has two faster
 * paths: the grid of buckets (geo-grid.ts) for queries on or near the points' box, and otherwise
 * a queue-free descent of the KD-tree, nearer child first, that skips every box whose lower bound
 * exceeds the best distance so far (scripts/bench/province/nearest.ts measures both).
 */
export function nearestOne(index: GeoIndex, lon: number, lat: number): Neighbour | null {
  const tree = index.tree;
  if (!tree) return null;
  if (index.grid && gridCovers(index.grid, lon, lat)) return nearestInGrid(index.grid, lon, lat);
  const treeIds = tree.ids;
  const coords = tree.coords;
  const nodeSize = tree.nodeSize;
  const cosLat = Math.cos(lat * RAD);
  let bestD = Infinity, bestI = -1, bestId = Infinity;
  const consider = (i: number) => {
    const d = haversineMetres(lon, lat, index.lon[i], index.lat[i]);
    const id = index.ids[i];
    if (d < bestD || (d === bestD && id < bestId)) (bestD = d), (bestI = i), (bestId = id);
  };
  const visit = (left: number, right: number, axis: number, minLon: number, minLat: number, maxLon: number, maxLat: number): void => {
    // Strictly greater: a box that may hold a point at the best distance is still searched (ties by id).
    // First the cheap bound (a great circle is at least as long as its change of latitude), then the exact one.
    if (bestI >= 0) {
      const dLat = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
      if (dLat * RAD * EARTH_RADIUS_M * (1 - BOUND_RELATIVE_SLACK) - BOUND_ABSOLUTE_SLACK_M > bestD) return;
      if (lowerBoundMetres(lon, lat, cosLat, minLon, minLat, maxLon, maxLat) > bestD) return;
    }
    if (right - left <= nodeSize) {
      for (let j = left; j <= right; j++) consider(treeIds[j]);
      return;
    }
    const m = (left + right) >> 1;
    const midLon = coords[2 * m];
    const midLat = coords[2 * m + 1];
    consider(treeIds[m]);
    const next = 1 - axis;
    const nearLow = axis === 0 ? lon < midLon : lat < midLat;
    // Children's boxes: split at the median on this node's axis.
    const lowMaxLon = axis === 0 ? midLon : maxLon, lowMaxLat = axis === 0 ? maxLat : midLat;
    const highMinLon = axis === 0 ? midLon : minLon, highMinLat = axis === 0 ? minLat : midLat;
    if (nearLow) {
      if (m - 1 >= left) visit(left, m - 1, next, minLon, minLat, lowMaxLon, lowMaxLat);
      if (right >= m + 1) visit(m + 1, right, next, highMinLon, highMinLat, maxLon, maxLat);
    } else {
      if (right >= m + 1) visit(m + 1, right, next, highMinLon, highMinLat, maxLon, maxLat);
      if (m - 1 >= left) visit(left, m - 1, next, minLon, minLat, lowMaxLon, lowMaxLat);
    }
  };
  visit(0, treeIds.length - 1, 0, -180, -90, 180, 90);
  return { index: bestI, id: bestId, distanceM: bestD };
}

function item(
  d: number, point: number, id: number, left: number, right: number, axis: number,
  minLon: number, minLat: number, maxLon: number, maxLat: number,
): QueueItem {
  return { d, point, id, left, right, axis, minLon, minLat, maxLon, maxLat };
}

const RAD = Math.PI / 180;
/**
 * How far below the computed box distance the bound is set: relative and absolute slack for
 * rounding (a few ulps of h, far below a millimetre), so that no box holding a point at the
 * k-th distance is ever pruned and ties by id stay exact.
 */
const BOUND_RELATIVE_SLACK = 1e-9;
const BOUND_ABSOLUTE_SLACK_M = 1e-6;

/** A lower bound (m) on the great-circle distance from [lon, lat] to any point of the box. */
function boxLowerBoundMetres(lon: number, lat: number, cosLat: number, box: QueueItem): number {
  return lowerBoundMetres(lon, lat, cosLat, box.minLon, box.minLat, box.maxLon, box.maxLat);
}

function lowerBoundMetres(lon: number, lat: number, cosLat: number, minLon: number, minLat: number, maxLon: number, maxLat: number): number {
  const h = boxHaversine(lon, lat, cosLat, minLon, minLat, maxLon, maxLat);
  const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(Math.max(0, h))));
  return Math.max(0, d * (1 - BOUND_RELATIVE_SLACK) - BOUND_ABSOLUTE_SLACK_M);
}

/** The haversine term h of the nearest point of a lon/lat box (geokdbush's boxDist). */
function boxHaversine(lon: number, lat: number, cosLat: number, minLon: number, minLat: number, maxLon: number, maxLat: number): number {
  if (lon >= minLon && lon <= maxLon) {
    if (lat < minLat) return haverSin((lat - minLat) * RAD);
    if (lat > maxLat) return haverSin((lat - maxLat) * RAD);
    return 0;
  }
  // West or east of the box: the nearest point lies on the nearer meridian edge, at the
  // latitude where the great circle meets that meridian at a right angle, or at a corner.
  const haverSinDLon = Math.min(haverSin((lon - minLon) * RAD), haverSin((lon - maxLon) * RAD));
  const extremumLat = vertexLat(lat, haverSinDLon);
  if (extremumLat > minLat && extremumLat < maxLat) {
    return haverSinPartial(haverSinDLon, cosLat, lat, extremumLat);
  }
  return Math.min(haverSinPartial(haverSinDLon, cosLat, lat, minLat), haverSinPartial(haverSinDLon, cosLat, lat, maxLat));
}

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

function haverSinPartial(haverSinDLon: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * haverSinDLon + haverSin((lat1 - lat2) * RAD);
}

function vertexLat(lat: number, haverSinDLon: number): number {
  const cosDLon = 1 - 2 * haverSinDLon;
  if (cosDLon <= 0) return lat > 0 ? 90 : -90;
  return Math.atan(Math.tan(lat * RAD) / cosDLon) / RAD;
}
