import { describe, expect, it } from 'vitest';
import type { MediationPointFeature } from '../../api/points-api.ts';
import { assignCandidates } from './assign-candidates.ts';

const point = (id: number, lon: number, kinds: string[]) =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, 29] }, properties: { id, disputeKinds: kinds } }) as unknown as MediationPointFeature;

describe('assign candidates', () => {
  it('lists the points that take the kind, nearest first, ties by id', () => {
    // 4 and 3 lie 0.25° either side of the case (exact in binary), 1 twice as far.
    const points = [point(1, 120.75, ['labour']), point(2, 120.25, ['neighbour']), point(4, 120.5, ['labour']), point(3, 120.0, ['labour'])];
    expect(assignCandidates(points, 'labour', [120.25, 29]).map((c) => c.point.id)).toEqual([3, 4, 1]);
    expect(assignCandidates(points, 'debt', [120.25, 29])).toEqual([]);
  });
});
