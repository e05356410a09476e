import { EARTH_RADIUS_M } from './haversine.ts';

/**
 * Points per cell the grid aims at, on average over its box. Small cells mean fewer exact
 * distances per query and more empty cells to step over (scripts/bench/province/nearest.ts).
 */
export const GEO_GRID_POINTS_PER_CELL = 2;
/** Cells a side at most, so that a few far-flung points cannot make the grid huge. */
const MAX_CELLS_PER_SIDE = 2_048;
/**
 * How far outside the points' box (degrees) a query may lie and still be answered by the grid.
 * Beyond it the KD-tree answers: the grid's bounds below hold while longitudes differ by less
 * than 180° and latitudes stay clear of the poles.
 */
export const GEO_GRID_MARGIN_DEG = 2;
/** The grid is built only when its points and margin keep within these latitudes (degrees) and this width of longitude. */
const MAX_ABS_LAT_DEG = 80;
const MAX_LON_SPAN_DEG = 90;

const RAD = Math.PI / 180;
/** Slack below each computed bound (relative, and metres) for rounding, as in geo-index.ts. */
const BOUND_RELATIVE_SLACK = 1e-9;
const BOUND_ABSOLUTE_SLACK_M = 1e-6;

/**
 * Points bucketed by a uniform grid over their box in degrees, cells about square on the ground
 * (a cell's longitude span is its latitude span over cos of the middle latitude). Each cell's
 * points are stored together with their ids, positions and cos(latitude), so that a query reads
 * a few contiguous runs.
 */
export interface GeoGrid {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  cellLon: number;
  cellLat: number;
  nx: number;
  ny: number;
  /** The smallest cos(latitude) of any point (radians' cos; the band's edge nearer a pole). */
  minCosLat: number;
  /** Cell c's points are entries cellStart[c] .. cellStart[c + 1] - 1 of the arrays below; cells row by row. */
  cellStart: Int32Array;
  /** Each entry's position in the points given to `buildGeoGrid`. */
  index: Int32Array;
  id: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  cosLat: Float64Array;
}

/** Buckets points (ids and degrees) into a grid; null when there are none or they spread too far for the grid's bounds. */
export function buildGeoGrid(ids: Float64Array, lon: Float64Array, lat: Float64Array, count: number): GeoGrid | null {
  if (count === 0) return null;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < count; i++) {
    minLon = Math.min(minLon, lon[i]);
    maxLon = Math.max(maxLon, lon[i]);
    minLat = Math.min(minLat, lat[i]);
    maxLat = Math.max(maxLat, lat[i]);
  }
  if (maxLon - minLon + 2 * GEO_GRID_MARGIN_DEG > MAX_LON_SPAN_DEG) return null;
  if (Math.max(Math.abs(minLat), Math.abs(maxLat)) + GEO_GRID_MARGIN_DEG > MAX_ABS_LAT_DEG) return null;
  const cosMid = Math.cos(((minLat + maxLat) / 2) * RAD);
  // Square cells on the ground holding GEO_GRID_POINTS_PER_CELL points on average; a box of no
  // width or height (points on one line or one spot) takes the other side's size, or one cell.
  const width = (maxLon - minLon) * cosMid, height = maxLat - minLat;
  const area = width * height || Math.max(width, height) ** 2;
  let cellLat = Math.sqrt((area * GEO_GRID_POINTS_PER_CELL) / count);
  if (!(cellLat > 0)) cellLat = 1;
  let cellLon = cellLat / cosMid;
  cellLat = Math.max(cellLat, (maxLat - minLat) / MAX_CELLS_PER_SIDE);
  cellLon = Math.max(cellLon, (maxLon - minLon) / MAX_CELLS_PER_SIDE);
  const nx = Math.min(MAX_CELLS_PER_SIDE, Math.floor((maxLon - minLon) / cellLon) + 1);
  const ny = Math.min(MAX_CELLS_PER_SIDE, Math.floor((maxLat - minLat) / cellLat) + 1);
  const cellOf = new Int32Array(count);
  const cellStart = new Int32Array(nx * ny + 1);
  for (let i = 0; i < count; i++) {
    const cx = Math.min(nx - 1, Math.floor((lon[i] - minLon) / cellLon));
    const cy = Math.min(ny - 1, Math.floor((lat[i] - minLat) / cellLat));
    cellOf[i] = cy * nx + cx;
    cellStart[cellOf[i] + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, nx * ny);
  const grid: GeoGrid = {
    minLon, minLat, maxLon, maxLat, cellLon, cellLat, nx, ny,
    minCosLat: Math.min(Math.cos(minLat * RAD), Math.cos(maxLat * RAD)),
    cellStart,
    index: new Int32Array(count),
    id: new Float64Array(count),
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    cosLat: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const e = fill[cellOf[i]]++;
    grid.index[e] = i;
    grid.id[e] = ids[i];
    grid.lon[e] = lon[i];
    grid.lat[e] = lat[i];
    grid.cosLat[e] = Math.cos(lat[i] * RAD);
  }
  return grid;
}

/** Whether `nearestInGrid` answers for [lon, lat]: within the grid's margin. */
export function gridCovers(grid: GeoGrid, lon: number, lat: number): boolean {
  return lon >= grid.minLon - GEO_GRID_MARGIN_DEG && lon <= grid.maxLon + GEO_GRID_MARGIN_DEG
    && lat >= grid.minLat - GEO_GRID_MARGIN_DEG && lat <= grid.maxLat + GEO_GRID_MARGIN_DEG;
}

/** The grid's answer: the nearest point's position (in the points given to buildGeoGrid), id and distance. */
export interface GridNeighbour {
  index: number;
  id: number;
  distanceM: number;
}

/**
 * The point nearest to [lon, lat] by great-circle distance, ties by id: exactly what a scan with
 * `haversineMetres` finds (each distance it keeps is computed by the same operations, bit for
 * bit). Call only where `gridCovers`. Cells are read in square rings around the query's cell,
 * and a cell or a point is skipped, and the rings stop, once a lower bound on its distance
 * exceeds the best so far (see `boundSquared`).
 */
export function nearestInGrid(grid: GeoGrid, lon: number, lat: number): GridNeighbour {
  const { minLon, minLat, cellLon, cellLat, nx, ny, cellStart } = grid;
  const gLon = grid.lon, gLat = grid.lat, gCos = grid.cosLat, gId = grid.id;
  const cosQ = Math.cos(lat * RAD);
  const lonFactor = cosQ * grid.minCosLat;
  const cx = Math.floor((lon - minLon) / cellLon);
  const cy = Math.floor((lat - minLat) / cellLat);
  let bestD = Infinity, bestE = -1, bestId = Infinity;
  /** Squared bounds (radians²) above this exceed bestD even after the slack for rounding. */
  let skipAbove = Infinity;
  // The first ring that touches the grid (the query may lie outside it, within the margin).
  const r0 = Math.max(0, cx - (nx - 1), -cx, cy - (ny - 1), -cy);
  for (let r = r0; ; r++) {
    const x0 = cx - r, x1 = cx + r, y0 = cy - r, y1 = cy + r;
    const ya = Math.max(0, y0), yb = Math.min(ny - 1, y1);
    for (let y = ya; y <= yb; y++) {
      const edgeRow = y === y0 || y === y1;
      // Every cell of the ring's top and bottom rows; its two side cells on the rows between.
      const step = edgeRow || r === 0 ? 1 : x1 - x0;
      // Latitude gap (degrees) from the query to this row of cells; 0 on the query's own row.
      const rowLat = minLat + y * cellLat;
      const gapLat = lat < rowLat ? rowLat - lat : lat > rowLat + cellLat ? lat - rowLat - cellLat : 0;
      for (let x = x0; x <= x1; x += step) {
        if (x < 0 || x >= nx) continue;
        const c = y * nx + x;
        const start = cellStart[c], end = cellStart[c + 1];
        if (start === end) continue; // clustered points (towns, county seats) leave most cells empty
        const colLon = minLon + x * cellLon;
        const gapLon = lon < colLon ? colLon - lon : lon > colLon + cellLon ? lon - colLon - cellLon : 0;
        if (boundSquared(gapLat * RAD, gapLon * RAD, lonFactor) > skipAbove) continue;
        for (let e = start; e < end; e++) {
          const pLat = gLat[e], pLon = gLon[e];
          if (boundSquared((pLat - lat) * RAD, (pLon - lon) * RAD, lonFactor) > skipAbove) continue;
          // haversineMetres(lon, lat, pLon, pLat), step by step, with the point's cosine read from the grid.
          const sinDLat = Math.sin(((pLat - lat) * RAD) / 2);
          const sinDLon = Math.sin(((pLon - lon) * RAD) / 2);
          const h = sinDLat * sinDLat + cosQ * gCos[e] * sinDLon * sinDLon;
          const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
          if (d < bestD || (d === bestD && gId[e] < bestId)) {
            bestD = d;
            bestE = e;
            bestId = gId[e];
            const t = (bestD + BOUND_ABSOLUTE_SLACK_M) / EARTH_RADIUS_M / (1 - BOUND_RELATIVE_SLACK);
            skipAbove = t * t;
          }
        }
      }
    }
    // Gaps (degrees) from the query to the cells not yet read, on each side that has any (Infinity: none).
    const gapBelow = y0 > 0 ? lat - (minLat + y0 * cellLat) : Infinity;
    const gapAbove = y1 < ny - 1 ? minLat + (y1 + 1) * cellLat - lat : Infinity;
    const gapWest = x0 > 0 ? lon - (minLon + x0 * cellLon) : Infinity;
    const gapEast = x1 < nx - 1 ? minLon + (x1 + 1) * cellLon - lon : Infinity;
    const gapLat = Math.min(gapBelow, gapAbove), gapLon = Math.min(gapWest, gapEast);
    if (gapLat === Infinity && gapLon === Infinity) break;
    // A cell not yet read lies beyond the latitude gap or beyond the longitude gap.
    const beyondLat = gapLat === Infinity ? Infinity : boundSquared(gapLat * RAD, 0, lonFactor);
    const beyondLon = gapLon === Infinity ? Infinity : boundSquared(0, gapLon * RAD, lonFactor);
    if (Math.min(beyondLat, beyondLon) > skipAbove) break;
  }
  return { index: grid.index[bestE], id: bestId, distanceM: bestD };
}

/**
 * A lower bound on (d/R)², d the great-circle distance between two points whose latitudes differ
 * by `dLat` and longitudes by `dLon` (radians, |dLon| < π), when the product of their latitudes'
 * cosines is at least `lonFactor`. From the haversine formula, sin²(d/2R) = sin²(Δφ/2) +
 * cosφ₁cosφ₂·sin²(Δλ/2), with x ≥ sin x ≥ x(1 − x²/6): (d/R)² ≥ Δφ²(1 − Δφ²/24)² + f·Δλ²(1 − Δλ²/24)².
 * No trigonometry: most points and cells are skipped on it alone.
 */
function boundSquared(dLat: number, dLon: number, lonFactor: number): number {
  const a = dLat * dLat, b = dLon * dLon;
  const ka = 1 - a / 24, kb = 1 - b / 24;
  return a * ka * ka + lonFactor * b * kb * kb;
}
