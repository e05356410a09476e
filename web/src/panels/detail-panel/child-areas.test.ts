import type { AreaCollection, AreaLevel, AreaProperties } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { childAreas } from './child-areas.ts';

function area(id: number, level: AreaLevel, parentId: number | null, figures: Partial<AreaProperties> = {}): AreaProperties {
  return {
    id, code: String(id).padStart(12, '0'), name: `区域${id}`, level, parentId,
    households: 100, residents: 300, openIncidents: 0, staff: 4, labelLon: 120, labelLat: 29.7, ...figures,
  };
}

function collection(properties: AreaProperties[]): AreaCollection {
  return {
    type: 'FeatureCollection', numberReturned: properties.length, nextCursor: null, links: [],
    features: properties.map((p) => ({
      type: 'Feature' as const, id: p.id, properties: p,
      geometry: { type: 'Polygon' as const, coordinates: [[[120, 29], [121, 29], [121, 30], [120, 29]]] },
    })),
  };
}

const areas = {
  town: collection([area(10, 'town', 1), area(20, 'town', 1)]),
  community: collection([
    area(101, 'community', 10, { openIncidents: 2, households: 50 }),
    area(102, 'community', 10, { openIncidents: 9 }),
    area(103, 'community', 10, { openIncidents: 2, households: 80 }),
    area(201, 'community', 20, { openIncidents: 30 }),
  ]),
};

describe('childAreas', () => {
  it('lists a town’s communities and no one else’s, most open incidents first', () => {
    expect(childAreas(areas, { id: 10, level: 'town' }).map((a) => a.id)).toEqual([102, 103, 101]);
  });

  it('breaks a tie in open incidents by households', () => {
    const [, second, third] = childAreas(areas, { id: 10, level: 'town' });
    expect([second.households, third.households]).toEqual([80, 50]);
  });

  it('lists nothing under a grid, nor while the child level is still loading', () => {
    expect(childAreas(areas, { id: 101, level: 'community' })).toEqual([]);
    expect(childAreas(areas, { id: 5, level: 'grid' })).toEqual([]);
  });
});
