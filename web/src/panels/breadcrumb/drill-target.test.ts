import type { AreaLevel, AreaProperties } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { drillTarget, drillTargetOnPath } from './drill-target.ts';

function area(id: number, level: AreaLevel, parentId: number | null): AreaProperties {
  return { id, level, parentId, code: String(id), name: `a${id}`, households: 0, residents: 0, openIncidents: 0, staff: 0, labelLon: 0, labelLat: 0 };
}

// county 1 > towns 2, 3 > communities 4 (in 2), 5 (in 3) > grids 6, 7 (in 4), 8 (in 5)
const AREAS = [area(1, 'county', null), area(2, 'town', 1), area(3, 'town', 1), area(4, 'community', 2), area(5, 'community', 3), area(6, 'grid', 4), area(7, 'grid', 4), area(8, 'grid', 5)];
const find = (id: number) => AREAS.find((a) => a.id === id);

describe('drillTarget', () => {
  it('goes one level down toward a clicked grid inside the place', () => {
    expect(drillTarget(6, find(1)!, find)?.id).toBe(2);
    expect(drillTarget(6, find(2)!, find)?.id).toBe(4);
    expect(drillTarget(6, find(4)!, find)?.id).toBe(6);
  });

  it('moves across to the area at the same level for a click outside the place', () => {
    expect(drillTarget(8, find(2)!, find)?.id).toBe(3);
    expect(drillTarget(7, find(6)!, find)?.id).toBe(7);
  });

  it('stays put for a click on the place itself or an unknown area', () => {
    expect(drillTarget(6, find(6)!, find)).toBeNull();
    expect(drillTarget(99, find(1)!, find)).toBeNull();
  });
});

describe('drillTargetOnPath', () => {
  // Only the county and towns are loaded, as with area tiles; grid 8's detail names its ancestors.
  const loaded = (id: number) => (id <= 3 ? find(id) : undefined);
  const pathOf8 = [{ id: 1 }, { id: 3 }, { id: 5 }];

  it('goes one level down toward a grid drawn from tiles, along its ancestors', () => {
    expect(drillTargetOnPath(pathOf8, find(1)!, loaded)?.id).toBe(3);
  });

  it('moves across to the town holding it, and never to a level the app has not loaded', () => {
    expect(drillTargetOnPath(pathOf8, find(2)!, loaded)?.id).toBe(3);
    expect(drillTargetOnPath(pathOf8, find(3)!, loaded)).toBeNull();
  });
});
