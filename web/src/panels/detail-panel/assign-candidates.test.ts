import { describe, expect, it } from 'vitest';
import type { MediationPointFeature } from '../../api/points-api.ts';
import { assignCandidates } from './assign-candidates.ts';

const point = (id: number, lon: number, kinds: string[]) =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, 29] }, properties: { id, disputeKinds: kinds } }) as unknown as MediationPointFeature;

describe('assign candidates', () => {
  it('lists the points that take the kind, nearest first, ties by id', () => {
    const points = [point(1, 120.3, ['labour']), point(2, 120.1, ['neighbour']), point(3, 120.2, ['labour']), point(4, 120.0, ['labour'])];
    expect(assignCandidates(points, 'labour', [120.1, 29]).map((c) => c.point.id)).toEqual([3, 4, 1]);
    expect(assignCandidates(points, 'debt', [120.1, 29])).toEqual([]);
  });
});
