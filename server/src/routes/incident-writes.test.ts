import {
  errorBodySchema,
  incidentCountersSchema,
  incidentDetailSchema,
  incidentFeatureSchema,
  type IncidentIntake,
} from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { decodeTile, tileOf } from '../test/decode-tile.ts';
import { getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';
import { TINY_NOW } from '../test/tiny-county.ts';

const INTAKE: IncidentIntake = {
  kind: 'neighbour',
  description: '楼上漏水，邻里争执',
  location: { lon: 120.05, lat: 29.05 },
  source: 'hotline_12345',
  severity: 1,
  parties: [{ name: '张小明', role: 'applicant', phone: '13812341234' }],
  actor: '值班员李',
};

async function post(app: TestApp['app'], path: string, body: unknown) {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

/** Counts of every table a write touches, to show that a refused write changed nothing. */
function snapshot(t: TestApp) {
  const count = (table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  const versions = t.db.prepare('SELECT group_concat(version) FROM incidents').pluck().get();
  return { incidents: count('incidents'), rtree: count('incidents_rtree'), events: count('incident_events'), versions };
}

describe('POST /api/incidents', () => {
  const t = useTinyCountyApp();

  it('stores a report in the grid that contains it, with level, deadline and its first event', async () => {
    const { status, body, headers } = await post(t.current.app, '/api/incidents', INTAKE);
    expect(status, JSON.stringify(body)).toBe(201);
    const feature = incidentFeatureSchema.parse(body);
    expect(headers.get('Location')).toBe(`/api/incidents/${feature.id}`);
    expect(feature.geometry.coordinates).toEqual([120.05, 29.05]);
    expect(feature.properties).toMatchObject({
      kind: 'neighbour', status: 'reported', level: 'grid', originLevel: 'grid', gridId: 4, severity: 1,
      reportedAt: TINY_NOW, deadlineAt: '2025-06-16T00:00:00.000Z', version: 1, overdue: false,
    });
    const detail = incidentDetailSchema.parse((await getJson(t.current.app, `/api/incidents/${feature.id}`)).body);
    expect(detail.properties.timeline).toMatchObject([{ kind: 'report', actor: '值班员李', toStatus: 'reported', toLevel: 'grid' }]);
    expect(detail.properties.allowedTransitions).toEqual(['accept', 'escalate']);
    // The administrator sees the parties in full (and the view is audited); others see them masked (privacy tests).
    expect(detail.properties.parties).toEqual([{ name: '张小明', role: 'applicant', phone: '13812341234' }]);
  });

  it('finds the grid in every quarter of the county', async () => {
    const grids = [];
    for (const [lon, lat] of [[120.05, 29.05], [120.15, 29.05], [120.05, 29.15], [120.15, 29.15]]) {
      const { body } = await post(t.current.app, '/api/incidents', { ...INTAKE, location: { lon, lat } });
      grids.push(body.properties.gridId);
    }
    expect(grids).toEqual([4, 5, 6, 7]);
  });

  it('handles severe cases higher up, and petitions at the town', async () => {
    const level = async (patch: Partial<IncidentIntake>) => (await post(t.current.app, '/api/incidents', { ...INTAKE, ...patch })).body.properties.level;
    expect(await level({ severity: 2 })).toBe('community');
    expect(await level({ severity: 3 })).toBe('town');
    expect(await level({ kind: 'petition' })).toBe('town');
  });

  it('answers 400 naming the field, and writes nothing, for bad input', async () => {
    const cases: [unknown, string][] = [
      [{ ...INTAKE, location: { lon: 121, lat: 30 } }, 'location'],
      [{ ...INTAKE, location: { lon: 'east', lat: 29.05 } }, 'location.lon'],
      [{ ...INTAKE, kind: 'murder' }, 'kind'],
      [{ ...INTAKE, severity: 4 }, 'severity'],
      [{ ...INTAKE, source: 'pigeon' }, 'source'],
      [{ ...INTAKE, description: '   ' }, 'description'],
      [{ ...INTAKE, reportedAt: '2025-13-01T00:00:00Z' }, 'reportedAt'],
      [{ ...INTAKE, reportedAt: '2030-01-01T00:00:00Z' }, 'reportedAt'],
      [{ ...INTAKE, parties: [{ name: '王五', role: 'applicant', phone: 'call me' }] }, 'parties.0.phone'],
      [{ ...INTAKE, householdId: 99_999 }, 'householdId'],
      [{ ...INTAKE, colour: 'red' }, 'colour'],
      [{ ...INTAKE, actor: undefined }, 'actor'],
    ];
    const before = snapshot(t.current);
    for (const [body, field] of cases) {
      const res = await post(t.current.app, '/api/incidents', body);
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(errorBodySchema.parse(res.body).field).toBe(field);
    }
    expect(snapshot(t.current)).toEqual(before);
  });

  it('puts a new incident in the incident tiles', async () => {
    const tile = async () => {
      const { x, y } = tileOf(120.05, 29.05, 16);
      const res = await t.current.app.request(`/api/tiles/incidents/16/${x}/${y}.mvt`);
      return res.status === 204 ? [] : decodeTile(new Uint8Array(await res.arrayBuffer())).incidents;
    };
    expect(await tile()).toEqual([]);
    const { body } = await post(t.current.app, '/api/incidents', INTAKE);
    expect((await tile()).map((f) => [f.id, f.properties.status])).toEqual([[body.id, 'reported']]);
  });

  it('refuses malformed JSON and oversized bodies', async () => {
    const before = snapshot(t.current);
    expect((await post(t.current.app, '/api/incidents', '{"kind":')).status).toBe(400);
    const huge = await post(t.current.app, '/api/incidents', { ...INTAKE, description: '长'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect(snapshot(t.current)).toEqual(before);
  });
});

describe('GET /api/incidents/counters', () => {
  const t = useTinyCountyApp();

  it('counts today\'s reports, open, overdue and due-soon cases and open cases by level, and follows writes', async () => {
    const before = incidentCountersSchema.parse((await getJson(t.current.app, '/api/incidents/counters')).body);
    // The fixture at TINY_NOW: open 1 (reported), 2 (mediating, overdue), 4 (failed, overdue), 6 (accepted).
    expect(before).toMatchObject({
      day: '2025-06-01', reportedToday: 0, open: 4, overdue: 2, dueSoon: 0,
      openByLevel: { county: 0, town: 0, community: 0, grid: 4 },
    });
    await post(t.current.app, '/api/incidents', { ...INTAKE, kind: 'petition', severity: 3 }); // 20 days, at the town
    await post(t.current.app, '/api/incidents', { ...INTAKE, kind: 'family', severity: 3, reportedAt: '2025-05-27T00:00:00Z' }); // 5 days: due at TINY_NOW itself, so due soon, not yet overdue
    const after = incidentCountersSchema.parse((await getJson(t.current.app, '/api/incidents/counters')).body);
    expect(after).toMatchObject({ reportedToday: 1, open: 6, overdue: 2, dueSoon: 1, openByLevel: { town: 2, grid: 4 } });
    expect(after.lastEventId).toBe(before.lastEventId + 2);
  });

  it('reads no query parameters', async () => {
    const { status, body } = await getJson(t.current.app, '/api/incidents/counters?areaId=1');
    expect(status).toBe(400);
    expect(body.field).toBe('areaId');
  });
});

describe('POST /api/incidents/:id/transitions', () => {
  const t = useTinyCountyApp();

  const report = async () => incidentFeatureSchema.parse((await post(t.current.app, '/api/incidents', INTAKE)).body);
  const step = (id: number, body: Record<string, unknown>) =>
    post(t.current.app, `/api/incidents/${id}/transitions`, { actor: '调解员周', ...body });

  it('walks a case through the whole cycle, recording each step in its timeline', async () => {
    const { id } = await report();
    const steps: Record<string, unknown>[] = [
      { transition: 'accept' },
      { transition: 'assign', mediationPointId: 2, assignee: '周调解' },
      { transition: 'start_mediation' },
      { transition: 'escalate', reason: '双方分歧大，请社区协调' },
      { transition: 'resolve', note: '达成协议' },
      { transition: 'follow_up' },
      { transition: 'close' },
    ];
    for (const [n, body] of steps.entries()) {
      const res = await step(id, { ...body, expectedVersion: n + 1 });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.properties.version).toBe(n + 2);
    }
    const detail = incidentDetailSchema.parse((await getJson(t.current.app, `/api/incidents/${id}`)).body).properties;
    expect(detail).toMatchObject({
      status: 'closed', level: 'community', originLevel: 'grid', mediationPointId: 2, assignee: '周调解',
      resolvedAt: TINY_NOW, closedAt: TINY_NOW, allowedTransitions: [],
    });
    expect(detail.timeline.map((e) => [e.kind, e.toStatus, e.toLevel])).toEqual([
      ['report', 'reported', 'grid'],
      ['accept', 'accepted', 'grid'],
      ['assign', 'assigned', 'grid'],
      ['start_mediation', 'mediating', 'grid'],
      ['escalate', 'mediating', 'community'],
      ['resolve', 'resolved', 'community'],
      ['follow_up', 'followed_up', 'community'],
      ['close', 'closed', 'community'],
    ]);
    expect(detail.timeline[4].reason).toBe('双方分歧大，请社区协调');
    expect(detail.timeline[5].note).toBe('达成协议');
  });

  it('answers 409 listing the allowed transitions for an impossible one, and changes nothing', async () => {
    const { id } = await report();
    const before = snapshot(t.current);
    const res = await step(id, { transition: 'resolve', expectedVersion: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'conflict', field: 'transition' });
    expect(res.body.message).toContain('allowed now: accept, escalate');
    expect(snapshot(t.current)).toEqual(before);
  });

  it('lets only one of two staff acting on the same version win', async () => {
    const { id } = await report();
    const [a, b] = await Promise.all([
      step(id, { transition: 'accept', expectedVersion: 1 }),
      step(id, { transition: 'escalate', reason: '情况紧急', expectedVersion: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.field).toBe('expectedVersion');
    const detail = (await getJson(t.current.app, `/api/incidents/${id}`)).body.properties;
    expect(detail.version).toBe(2);
    expect(detail.timeline).toHaveLength(2);
  });

  it('refuses escalation above the county and steps on closed cases', async () => {
    const { id } = await report();
    for (const [n, reason] of ['到社区', '到镇', '到市'].entries()) {
      expect((await step(id, { transition: 'escalate', reason, expectedVersion: n + 1 })).status).toBe(200);
    }
    const res = await step(id, { transition: 'escalate', reason: '再上', expectedVersion: 4 });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('at the county level');
  });

  it('checks the fields each transition needs, and what they point at', async () => {
    const { id } = await report();
    await step(id, { transition: 'accept', expectedVersion: 1 });
    const before = snapshot(t.current);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ transition: 'assign', assignee: '周', expectedVersion: 2 }, 400, 'mediationPointId'],
      [{ transition: 'assign', mediationPointId: 99, assignee: '周', expectedVersion: 2 }, 400, 'mediationPointId'],
      // Point 3 (警民联调室) takes traffic, neighbour and debt; a labour case would not fit, a neighbour one does.
      [{ transition: 'assign', mediationPointId: 1, expectedVersion: 2 }, 400, 'assignee'],
      [{ transition: 'escalate', expectedVersion: 2 }, 400, 'reason'],
      [{ transition: 'refer', referredTo: 'mayor', expectedVersion: 2 }, 400, 'referredTo'],
      [{ transition: 'fly', expectedVersion: 2 }, 400, 'transition'],
      [{ transition: 'accept' }, 400, 'expectedVersion'],
      [{ transition: 'start_mediation', expectedVersion: 2, at: '2020-01-01T00:00:00Z' }, 409, 'transition'],
      [{ transition: 'assign', mediationPointId: 2, assignee: '周', expectedVersion: 2, at: '2025-05-31T00:00:00Z' }, 400, 'at'],
    ];
    for (const [body, status, field] of cases) {
      const res = await step(id, body);
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.field).toBe(field);
    }
    expect(snapshot(t.current)).toEqual(before);
  });

  it('assigns only to a point that takes the kind of dispute', async () => {
    const { id } = await post(t.current.app, '/api/incidents', { ...INTAKE, kind: 'labour' }).then((r) => r.body);
    await step(id, { transition: 'accept', expectedVersion: 1 });
    const res = await step(id, { transition: 'assign', mediationPointId: 3, assignee: '周', expectedVersion: 2 });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('does not take labour disputes');
    expect((await step(id, { transition: 'assign', mediationPointId: 1, assignee: '周', expectedVersion: 2 })).status).toBe(200);
  });

  it('answers 404 for an unknown incident', async () => {
    expect((await step(999, { transition: 'accept', expectedVersion: 1 })).status).toBe(404);
  });

  it('keeps the time spent at each level', async () => {
    const { id } = await post(t.current.app, '/api/incidents', { ...INTAKE, reportedAt: '2025-05-31T00:00:00Z' }).then((r) => r.body);
    await step(id, { transition: 'escalate', reason: '上报', expectedVersion: 1, at: '2025-05-31T06:00:00Z' });
    const detail = (await getJson(t.current.app, `/api/incidents/${id}`)).body.properties;
    const H = 3_600_000;
    expect(detail.levelDurations).toEqual({ county: 0, town: 0, community: 18 * H, grid: 6 * H });
  });
});
