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

  it('write nothing to the database for a role that sees no personal data', async () => {
    const { db } = t.current;
    const official = t.current.as('official');
    const changes = () => db.prepare('SELECT total_changes()').pluck().get();
    const before = changes();
    for (const path of READS) await official.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(changes()).toBe(before);
  });

  it('write only audit lines when personal data is seen, one per view', async () => {
    const { db } = t.current;
    const changes = () => db.prepare('SELECT total_changes()').pluck().get();
    const audit = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const [before, lines] = [changes(), audit()];
    for (const path of READS) await t.current.app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    const written = audit() - lines;
    // The household list and household 3 (household 999 does not exist; the tiny county's incidents name no parties).
    expect(written).toBe(2);
    expect(changes()).toBe((before as number) + written);
  });
});
