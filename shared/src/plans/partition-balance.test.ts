import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { balanceFigure, gridFigures, gridIndexOfPoints } from './partition-balance.ts';

const poly = (...ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
const WEST = { id: 1, geometry: poly([0, 0], [1, 0], [1, 1], [0, 1]) };
const EAST = { id: 2, geometry: poly([1, 0], [2, 0], [2, 1], [1, 1]) };

describe('partition balance', () => {
  it('finds the grid of each point, and -1 outside every grid', () => {
    expect([...gridIndexOfPoints([WEST, EAST], [0.5, 1.5, 2.5], [0.5, 0.5, 0.5])]).toEqual([0, 1, -1]);
  });

  it('counts households, residents, key groups, open incidents and staff per grid', () => {
    const figures = gridFigures(
      [WEST, EAST],
      {
        householdLon: [0.2, 0.4, 1.5], householdLat: [0.5, 0.5, 0.5], householdSize: [3, 2, 4], householdKeyGroup: [1, 0, 0],
        incidentLon: [1.2, 1.3], incidentLat: [0.1, 0.9],
      },
      (id) => (id === 1 ? ['grid_worker', 'grid_worker', 'community_police'] : []),
    );
    expect(figures.get(1)).toEqual({ households: 2, residents: 5, keyGroupHouseholds: 1, openIncidents: 0, staff: 3, gridWorkers: 2, householdsPerGridWorker: 1 });
    expect(figures.get(2)).toEqual({ households: 1, residents: 4, keyGroupHouseholds: 0, openIncidents: 2, staff: 0, gridWorkers: 0, householdsPerGridWorker: null });
  });

  it('states the balance as largest over smallest and largest deviation from the mean', () => {
    expect(balanceFigure([300, 400, 500])).toEqual({ mean: 400, min: 300, max: 500, maxOverMin: 500 / 300, maxDeviation: 0.25 });
    expect(balanceFigure([0, 10])).toMatchObject({ maxOverMin: null, maxDeviation: 1 });
    expect(balanceFigure([])).toMatchObject({ mean: 0, maxOverMin: null });
  });
});
