import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random.ts';
import { buildPointCloud, forEachPointWithin } from '../geo/points-within.ts';
import { greedyCoverage } from './greedy-coverage.ts';

describe('greedyCoverage', () => {
  it('picks the place covering the most, then the most of what is left', () => {
    // Three clusters of uncovered households: 5 at 29.00, 3 at 29.10, 2 at 29.20 (11 km apart).
    const lats = [29, 29, 29, 29, 29, 29.1, 29.1, 29.1, 29.2, 29.2];
    const cloud = buildPointCloud(Float64Array.from(lats, () => 120), Float64Array.from(lats));
    const candidates = [
      { id: 1, lon: 120, lat: 29.2 },
      { id: 2, lon: 120, lat: 29.1 },
      { id: 3, lon: 120, lat: 29.0 },
      { id: 4, lon: 120.001, lat: 29.0 }, // as good as 3: loses the tie by id, then adds nothing
    ];
    const picks = greedyCoverage(cloud, () => true, candidates, 3_000, 5);
    expect(picks.map((p) => p.candidate.id)).toEqual([3, 2, 1]);
    expect(picks.map((p) => p.households)).toEqual([[0, 1, 2, 3, 4], [5, 6, 7], [8, 9]]);
  });

  it('counts only uncovered households and never counts one twice', () => {
    const random = new Random(5, 'greedy-test');
    const n = 2_000;
    const cloud = buildPointCloud(
      Float64Array.from({ length: n }, () => 120 + random.next() * 0.3),
      Float64Array.from({ length: n }, () => 29 + random.next() * 0.3),
    );
    const uncovered = (i: number) => i % 3 !== 0;
    const candidates = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, lon: 120 + random.next() * 0.3, lat: 29 + random.next() * 0.3 }));
    const picks = greedyCoverage(cloud, uncovered, candidates, 3_000, 8);
    const all = picks.flatMap((p) => p.households);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every(uncovered)).toBe(true);
    // Gains never grow from one pick to the next, and each gain is the best left at that step.
    for (let i = 1; i < picks.length; i++) expect(picks[i].households.length).toBeLessThanOrEqual(picks[i - 1].households.length);
    const firstBest = Math.max(...candidates.map((c) => {
      let gain = 0;
      forEachPointWithin(cloud, c.lon, c.lat, 3_000, (i) => (gain += uncovered(i) ? 1 : 0));
      return gain;
    }));
    expect(picks[0].households.length).toBe(firstBest);
  });

  it('stops when no candidate covers anyone new', () => {
    const cloud = buildPointCloud(Float64Array.from([120]), Float64Array.from([29]));
    expect(greedyCoverage(cloud, () => true, [{ id: 1, lon: 121, lat: 30 }], 3_000, 3)).toEqual([]);
  });
});
