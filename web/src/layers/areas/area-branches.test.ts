import type { AreaCollection, AreaProperties } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { branchParents, mergeAreaBranches } from './area-branches.ts';

const square = { type: 'Polygon' as const, coordinates: [[[120, 29], [120.1, 29], [120.1, 29.1], [120, 29]]] as [number, number][][] };

function area(id: number, level: AreaProperties['level'], parentId: number | null): AreaCollection['features'][number] {
  const properties = {
    id, code: String(id), name: `区域${id}`, level, parentId, labelLon: 120, labelLat: 29,
    households: 0, residents: 0, staff: 0, gridWorkers: 0, keyGroupHouseholds: 0, openIncidents: 0,
  } as AreaProperties;
  return { type: 'Feature', id, geometry: square, properties };
}

const collection = (...features: AreaCollection['features']): AreaCollection =>
  ({ type: 'FeatureCollection', features, numberReturned: features.length, nextCursor: null, links: [] });

describe('branchParents', () => {
  it('names the town and community above a grid, top down, and a town alone for a town', () => {
    const path = [{ id: 1, name: '县', level: 'county' as const }, { id: 2, name: '镇', level: 'town' as const }, { id: 3, name: '村', level: 'community' as const }];
    expect(branchParents({ id: 4, properties: { ...area(4, 'grid', 3).properties, path } as never })).toEqual([2, 3]);
    expect(branchParents({ id: 2, properties: { ...area(2, 'town', 1).properties, path: path.slice(0, 1) } as never })).toEqual([2]);
    expect(branchParents({ id: 1, properties: { ...area(1, 'county', null).properties, path: [] } as never })).toEqual([]);
  });
});

describe('mergeAreaBranches', () => {
  it('adds each branch feature to the collection of its level once, leaving loaded ones as they were', () => {
    const loaded = { county: collection(area(1, 'county', null)), town: collection(area(2, 'town', 1)) };
    const merged = mergeAreaBranches(loaded, [collection(area(3, 'community', 2), area(5, 'community', 2)), collection(area(4, 'grid', 3)), collection(area(3, 'community', 2))]);
    expect(merged.town).toBe(loaded.town);
    expect(merged.community?.features.map((f) => f.id)).toEqual([3, 5]);
    expect(merged.grid?.features.map((f) => f.id)).toEqual([4]);
    expect(mergeAreaBranches(loaded, [])).toBe(loaded);
  });
});
