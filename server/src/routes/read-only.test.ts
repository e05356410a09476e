import { describe, expect, it } from 'vitest';
import { useTinyCountyApp } from '../test/test-app.ts';

const READS = [
  '/api/health',
  '/api/config',
  '/api/areas?level=grid',
  '/api/areas/1',
  '/api/households?limit=3',
  '/api/incidents?status=reported&areaId=2',
  '/api/mediation-points',
  '/api/incidents/2',
  '/api/households/3',
  '/api/mediation-points/1',
  '/api/households/999',
  '/api/tiles/households/8/213/107.mvt',
  '/api/tiles/incidents/16/54704/27005.mvt',
  '/api/openapi.json',
  '/api/mediation-points/nearest?lon=120.1&lat=29.1&disputeKind=land',
  '/api/incidents/1/nearest-mediation',
  '/api/coverage',
  '/api/coverage/households?kind=land',
  '/api/coverage/suggestions?kind=medical',
  '/api/areas?bbox=bad',
];

describe('reads', () => {
  const t = useTinyCountyApp();

  it('write nothing to the database', async () => {
    const { db } = t.current;
    const changes = () => db.prepare('SELECT total_changes()').pluck().get();
    const before = changes();
    for (const path of READS) await t.current.app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(changes()).toBe(before);
  });
});
