import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTinyCountyApp, type TestApp } from '../test/test-app.ts';

// Random and hostile bodies thrown at every write route: the answer is never a 500, and a write
// that is refused changes nothing. Each run starts from the same tiny county.

/** Runs per property; each is a full request through the app. */
const RUNS = 150;

/** Rows of every table a write may touch, and the sum of versions, as one comparable value. */
function state(t: TestApp) {
  return t.db
    .prepare(`SELECT (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM incident_events) AS events,
        (SELECT count(*) FROM incidents_rtree) AS rtree, (SELECT total(version) FROM incidents) AS versions,
        (SELECT json_group_array(json_array(id, kind, area_id, name, lon, lat, hours, dispute_kinds, mediators, phone, closed_at))
          FROM mediation_points) AS points,
        (SELECT count(*) FROM areas) AS areas`)
    .get();
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom("'; DROP TABLE incidents; --", '\u0000', '\uD800', '𠜎'.repeat(500), 'NaN', '1e309', '<script>', '../../etc/passwd', ''),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 0.1 + 0.2),
);
const anyValue = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }));

/** Near-valid intakes with one or more fields replaced by something hostile, plus free-form junk. */
const intakeBody = fc.oneof(
  fc.record({
    kind: fc.oneof(fc.constantFrom('neighbour', 'labour'), anyValue),
    description: fc.oneof(fc.constant('邻里纠纷'), anyValue),
    location: fc.oneof(fc.record({ lon: fc.oneof(fc.constant(120.05), hostileNumber), lat: fc.oneof(fc.constant(29.05), hostileNumber) }), anyValue),
    source: fc.oneof(fc.constant('patrol'), anyValue),
    severity: fc.oneof(fc.constantFrom(1, 2, 3), anyValue),
    reportedAt: fc.oneof(fc.constant(undefined), fc.constant('2025-05-31T00:00:00Z'), hostileString),
    parties: fc.oneof(fc.constant(undefined), fc.array(fc.record({ name: hostileString, role: fc.oneof(fc.constant('applicant'), hostileString), phone: hostileString }), { maxLength: 25 })),
    householdId: fc.oneof(fc.constant(undefined), hostileNumber),
    actor: fc.oneof(fc.constant('值班员'), anyValue),
  }, { requiredKeys: [] }),
  anyValue,
);

const transitionBody = fc.record({
  transition: fc.oneof(fc.constantFrom('accept', 'assign', 'resolve', 'escalate', 'refer', 'close'), anyValue),
  actor: fc.oneof(fc.constant('李'), anyValue),
  expectedVersion: fc.oneof(fc.constantFrom(1, 2), hostileNumber, anyValue),
  at: fc.oneof(fc.constant(undefined), hostileString),
  note: fc.oneof(fc.constant(undefined), hostileString),
  reason: fc.oneof(fc.constant(undefined), hostileString),
  mediationPointId: fc.oneof(fc.constant(undefined), fc.constantFrom(1, 2, 3), hostileNumber),
  assignee: fc.oneof(fc.constant(undefined), hostileString),
  referredTo: fc.oneof(fc.constant(undefined), fc.constantFrom('court', 'police'), hostileString),
}, { requiredKeys: [] });

async function send(app: TestApp['app'], path: string, body: unknown, raw = false) {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ? String(body) : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as { code?: string } | null;
  return { status: res.status, json };
}

describe('hostile input to the write routes', () => {
  const t = useTinyCountyApp();

  it('POST /api/incidents: 201 or a 4xx with an error body, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(intakeBody, async (body) => {
        const before = state(t.current);
        const { status, json } = await send(t.current.app, '/api/incidents', body);
        expect(status === 201 || (status >= 400 && status < 500), `${status} ${JSON.stringify(json)}`).toBe(true);
        if (status !== 201) {
          expect(json?.code).toBeTypeOf('string');
          expect(state(t.current)).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /api/incidents/:id/transitions: 200 or a 4xx, and a refusal writes nothing', async () => {
    const ids = fc.oneof(fc.constantFrom('1', '2', '6', '999'), fc.constantFrom('0', '-1', '1e3', 'abc', '9007199254740993', '%00'));
    await fc.assert(
      fc.asyncProperty(ids, transitionBody, async (id, body) => {
        const before = state(t.current);
        const { status, json } = await send(t.current.app, `/api/incidents/${id}/transitions`, body);
        expect(status === 200 || (status >= 400 && status < 500), `${status} ${JSON.stringify(json)}`).toBe(true);
        if (status !== 200) expect(state(t.current)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST and PATCH /api/mediation-points: 2xx or a 4xx, and a refusal writes nothing', async () => {
    const pointBody = fc.record({
      kind: fc.oneof(fc.constantFrom('specialised', 'people_committee'), anyValue),
      areaId: fc.oneof(fc.constantFrom(1, 2, 3, 4), hostileNumber, anyValue),
      name: fc.oneof(fc.constant('调解室'), anyValue),
      lon: fc.oneof(fc.constant(120.03), hostileNumber, anyValue),
      lat: fc.oneof(fc.constant(29.03), hostileNumber, anyValue),
      address: fc.oneof(fc.constant('镇前街9号'), anyValue),
      hours: fc.oneof(
        fc.constant([{ days: [1, 2, 3], open: '08:30', close: '17:30' }]),
        fc.array(fc.record({ days: fc.array(hostileNumber, { maxLength: 8 }), open: hostileString, close: hostileString }), { maxLength: 3 }),
        anyValue,
      ),
      disputeKinds: fc.oneof(fc.constant(['labour']), fc.array(hostileString, { maxLength: 3 }), anyValue),
      mediators: fc.oneof(fc.constantFrom(1, 2), hostileNumber, anyValue),
      phone: fc.oneof(fc.constant('0575-87000009'), anyValue),
      closed: fc.oneof(fc.constant(undefined), fc.boolean(), anyValue),
    }, { requiredKeys: [] });
    const targets = fc.oneof(fc.constant(['POST', '/api/mediation-points']), fc.constantFrom('1', '2', '999', 'x').map((id) => ['PATCH', `/api/mediation-points/${id}`]));
    await fc.assert(
      fc.asyncProperty(targets, pointBody, async ([method, path], body) => {
        const before = state(t.current);
        const res = await t.current.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status < 300 || (res.status >= 400 && res.status < 500), `${method} ${path} ${res.status} ${await res.clone().text()}`).toBe(true);
        if (res.status >= 400) expect(state(t.current)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses bodies that are not JSON at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
        const before = state(t.current);
        const { status } = await send(t.current.app, '/api/incidents', text, true);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(state(t.current)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
