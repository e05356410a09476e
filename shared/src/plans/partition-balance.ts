import type { MultiPolygon, Polygon } from 'geojson';
import { pointInPolygon } from '../geo/point-in-ring.ts';
import type { StaffRole } from '../staff/staff-roles.ts';
import { polygonsOf, type GridGeometry } from './grid-partition.ts';

/** Points of a community to count per grid; parallel arrays, one entry per household or incident. */
export interface BalancePoints {
  householdLon: ArrayLike<number>;
  householdLat: ArrayLike<number>;
  /** Residents of each household. */
  householdSize: ArrayLike<number>;
  /** 1 where the household has a key-group tag. */
  householdKeyGroup: ArrayLike<number>;
  /** Incidents in an open status. */
  incidentLon: ArrayLike<number>;
  incidentLat: ArrayLike<number>;
}

/** The workload figures of one grid. */
export interface GridFigures {
  households: number;
  residents: number;
  keyGroupHouseholds: number;
  openIncidents: number;
  staff: number;
  gridWorkers: number;
  /** Households per grid worker; null where the grid has none. */
  householdsPerGridWorker: number | null;
}

/** How even a community's grids are in one figure. */
export interface BalanceFigure {
  mean: number;
  min: number;
  max: number;
  /** Largest over smallest; null when the smallest is 0. */
  maxOverMin: number | null;
  /** Largest distance from the mean as a share of the mean (0.25 = 25 %); 0 when the mean is 0. */
  maxDeviation: number;
}

/**
 * For each point, the index in `grids` of the grid that contains it, or -1. Each grid's
 * bounding box is tested before its polygon.
 */
export function gridIndexOfPoints(grids: readonly GridGeometry[], lon: ArrayLike<number>, lat: ArrayLike<number>): Int32Array {
  const boxes = grids.map((g) => bboxOf(g.geometry));
  const out = new Int32Array(lon.length).fill(-1);
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i], y = lat[i];
    for (let k = 0; k < grids.length; k++) {
      const b = boxes[k];
      if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
      if (pointInPolygon(x, y, grids[k].geometry)) {
        out[i] = k;
        break;
      }
    }
  }
  return out;
}

/**
 * The figures of every grid in `grids`: households, residents, key-group households and open
 * incidents by point-in-polygon, staff from `staffOf` (grid id → roles of its staff).
 */
export function gridFigures(
  grids: readonly GridGeometry[],
  points: BalancePoints,
  staffOf: (gridId: number) => readonly StaffRole[],
): Map<number, GridFigures> {
  const figures = grids.map((g): GridFigures => {
    const roles = staffOf(g.id);
    const gridWorkers = roles.filter((r) => r === 'grid_worker').length;
    return { households: 0, residents: 0, keyGroupHouseholds: 0, openIncidents: 0, staff: roles.length, gridWorkers, householdsPerGridWorker: null };
  });
  const households = gridIndexOfPoints(grids, points.householdLon, points.householdLat);
  households.forEach((k, i) => {
    if (k < 0) return;
    figures[k].households++;
    figures[k].residents += points.householdSize[i];
    figures[k].keyGroupHouseholds += points.householdKeyGroup[i];
  });
  gridIndexOfPoints(grids, points.incidentLon, points.incidentLat).forEach((k) => k >= 0 && figures[k].openIncidents++);
  for (const f of figures) f.householdsPerGridWorker = f.gridWorkers > 0 ? f.households / f.gridWorkers : null;
  return new Map(grids.map((g, k) => [g.id, figures[k]]));
}

/**
 * Mean, extremes, largest over smallest and largest deviation from the mean of `values`.
 * @example balanceFigure([300, 400, 500]) // → { mean: 400, min: 300, max: 500, maxOverMin: 1.67, maxDeviation: 0.25 }
 */
export function balanceFigure(values: readonly number[]): BalanceFigure {
  if (values.length === 0) return { mean: 0, min: 0, max: 0, maxOverMin: null, maxDeviation: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    mean,
    min,
    max,
    maxOverMin: min > 0 ? max / min : null,
    maxDeviation: mean > 0 ? Math.max(max - mean, mean - min) / mean : 0,
  };
}

/** [minLon, minLat, maxLon, maxLat] of a polygon's outer rings. */
export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const rings of polygonsOf(geometry)) for (const [x, y] of rings[0]) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
