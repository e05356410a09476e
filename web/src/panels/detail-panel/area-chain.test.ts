import { AREA_TREE_LEVELS, type AreaLevel, type AreaProperties } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { areaChain } from './area-chain.ts';

function area(id: number, level: AreaLevel, parentId: number | null, name: string): AreaProperties {
  return {
    id, code: String(id), name, level, parentId,
    households: 0, residents: 0, openIncidents: 0, staff: 0, labelLon: 120, labelLat: 29,
  };
}

const county = area(1, 'county', null, '诸暨市');
const town = area(2, 'town', 1, '暨阳街道');
const community = area(3, 'community', 2, '浦阳社区');
const grid = area(4, 'grid', 3, '浦阳社区第二网格');

function indexOf(...areas: AreaProperties[]) {
  const byId = new Map(areas.map((a) => [a.id, a]));
  return (id: number) => byId.get(id);
}

describe('areaChain', () => {
  it('lists a grid’s town, community and the grid itself, top down', () => {
    expect(areaChain(4, indexOf(county, town, community, grid)).map((a) => a.name)).toEqual([
      '暨阳街道', '浦阳社区', '浦阳社区第二网格',
    ]);
  });

  it('climbs to the county when asked to', () => {
    expect(areaChain(4, indexOf(county, town, community, grid), 'county').map((a) => a.id)).toEqual([1, 2, 3, 4]);
  });

  it('stops below an ancestor that has not loaded', () => {
    expect(areaChain(4, indexOf(county, town, grid)).map((a) => a.id)).toEqual([4]);
  });

  it('is empty for an unknown area', () => {
    expect(areaChain(99, indexOf(county, town, community, grid))).toEqual([]);
  });

  it('ends on a cycle in bad data instead of looping', () => {
    const a = area(5, 'grid', 6, 'a');
    const b = area(6, 'grid', 5, 'b');
    // At most one area per level of the tree (province … grid).
    expect(areaChain(5, indexOf(a, b)).length).toBeLessThanOrEqual(AREA_TREE_LEVELS.length);
  });
});
