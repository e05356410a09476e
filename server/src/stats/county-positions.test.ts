import { describe, expect, it } from 'vitest';
import { useTinyCountyApp } from '../test/test-app.ts';
import { countyPositions } from './county-positions.ts';
import { incidentStatsStore } from './incident-stats-store.ts';

/** What a fresh cut holds: every position of the store in each county, ascending. */
function scan(db: Parameters<typeof countyPositions>[0]): Map<number, number[]> {
  const store = incidentStatsStore(db);
  const { countyOf } = countyPositions(db);
  const out = new Map<number, number[]>();
  for (let i = 0; i < store.count; i++) {
    const county = countyOf[store.gridId[i]];
    if (county >= 0) (out.get(county) ?? out.set(county, []).get(county)!).push(i);
  }
  return out;
}

const asArrays = (positions: Map<number, Uint32Array>) => new Map([...positions].map(([county, list]) => [county, [...list]]));

describe('countyPositions', () => {
  const t = useTinyCountyApp();

  it('adds reports appended to the store to their county, as a fresh cut would hold them', async () => {
    const { db, app } = t.current;
    const first = countyPositions(db);
    const before = first.positions.get(1)!.length;
    for (const [lon, lat] of [[120.05, 29.05], [120.15, 29.15]]) {
      const res = await app.request('/api/incidents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'neighbour', description: '噪音', location: { lon, lat }, source: 'walk_in', severity: 1, actor: '值班员' }),
      });
      expect(res.status).toBe(201);
    }
    const after = countyPositions(db);
    expect(after.positions.get(1)!.length).toBe(before + 2);
    expect(asArrays(after.positions)).toEqual(scan(db));
  });

  it('cuts again when a change moves an incident to another grid', () => {
    const { db } = t.current;
    countyPositions(db);
    const store = incidentStatsStore(db);
    const regrids = store.regrids;
    db.prepare('UPDATE incidents SET grid_id = 5 WHERE id = 1 AND grid_id <> 5').run();
    // A change the store hears of through the timeline (an escalation recorded with the move).
    db.prepare(`INSERT INTO incident_events (incident_id, kind, actor, at, note, from_status, to_status, from_level, to_level, recorded_at)
      SELECT 1, 'escalate', '测试', '2025-06-01T00:00:00Z', '移网格', status, status, level, level, '2025-06-01T00:00:00Z' FROM incidents WHERE id = 1`).run();
    const fresh = incidentStatsStore(db);
    expect(fresh.regrids).toBeGreaterThan(regrids);
    expect(asArrays(countyPositions(db).positions)).toEqual(scan(db));
  });
});
