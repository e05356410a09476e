import { describe, expect, it } from 'vitest';
import { buildPointCloud } from '../geo/points-within.ts';
import { INCIDENT_KINDS } from '../incidents/incident-catalogue.ts';
import { coverageByArea, coveredKinds, kindBit } from './coverage.ts';

/** 0.01° of latitude is about 1,112 m. */
const households = buildPointCloud(Float64Array.from([120, 120, 120, 120]), Float64Array.from([29, 29.02, 29.04, 29.1]));

describe('coveredKinds', () => {
  it('marks the kinds that a point within the distance takes, per household', () => {
    const mask = coveredKinds(households, [
      { lon: 120, lat: 29, disputeKinds: ['labour'] },
      { lon: 120, lat: 29.05, disputeKinds: ['neighbour', 'family'] },
    ], 3_000);
    // 29.00 and 29.02 are within 3 km of the labour room; 29.04 within 3 km of the other; 29.10 of none.
    expect([...mask]).toEqual([
      kindBit('labour'),
      kindBit('labour'),
      kindBit('neighbour') | kindBit('family'),
      0,
    ]);
  });

  it('covers more households when the distance grows', () => {
    const points = [{ lon: 120, lat: 29, disputeKinds: ['labour' as const] }];
    expect([...coveredKinds(households, points, 1_000)].filter((m) => m > 0)).toHaveLength(1);
    expect([...coveredKinds(households, points, 5_000)].filter((m) => m > 0)).toHaveLength(3);
  });
});

describe('coverageByArea', () => {
  it('counts uncovered households per kind in each grid and every ancestor', () => {
    const labour = INCIDENT_KINDS.indexOf('labour');
    const mask = Uint16Array.from([kindBit('labour'), 0, 0]);
    const parents = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, 2]]);
    const figures = coverageByArea(mask, [3, 3, 4], parents);
    expect(figures.get(3)).toMatchObject({ households: 2 });
    expect(figures.get(3)!.uncovered[labour]).toBe(1);
    expect(figures.get(4)!.uncovered[labour]).toBe(1);
    expect(figures.get(1)).toMatchObject({ households: 3 });
    expect(figures.get(1)!.uncovered[labour]).toBe(2);
    expect(figures.get(1)!.uncovered[INCIDENT_KINDS.indexOf('medical')]).toBe(3);
  });
});
