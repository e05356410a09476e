import { errorBodySchema, warningListSchema } from '@gridmap/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, getJson, type TestApp } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

const apps: TestApp[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));
const appAt = (now: string, change?: (d: ReturnType<typeof tinyCounty>) => void) => {
  const data = tinyCounty();
  change?.(data);
  const app = createTestApp(data, now);
  apps.push(app);
  return app;
};

describe('GET /api/warnings', () => {
  it('warns of an open case due within 72 hours, with the hours left', async () => {
    // At 2025-06-07T00:00Z incident 1 (open, due 2025-06-09T02:00Z) has 50 hours left; incident 6
    // (due 06-14) has 170; incidents 2 and 4 are overdue already, not near.
    const t = appAt('2025-06-07T00:00:00.000Z');
    const list = warningListSchema.parse((await getJson(t.app, '/api/warnings?type=near_deadline')).body);
    expect(list.warnings).toEqual([
      expect.objectContaining({
        id: 'near_deadline:1',
        incidentIds: [1],
        gridId: 4,
        gridName: '西南网格',
        place: '小镇 › 小村 › 西南网格',
        figures: { hoursLeft: 50, deadlineHours: 72 },
        at: '2025-06-06T02:00:00.000Z', // when it came within 72 hours
      }),
    ]);
  });

  it('warns of three disputes at one household within 90 days, at the household', async () => {
    // Household 1 has incidents 1 (25 May) and 2 (1 Apr); a third on 20 May makes three within
    // the 90 days before 1 June (from 3 March).
    const t = appAt(TINY_NOW, (d) => {
      d.incidents.push({ ...d.incidents[0], id: 9, reportedAt: '2025-05-20T02:00:00Z', deadlineAt: '2025-06-04T02:00:00Z' });
    });
    const list = warningListSchema.parse((await getJson(t.app, '/api/warnings?type=repeat_address')).body);
    expect(list.warnings).toEqual([
      expect.objectContaining({
        type: 'repeat_address',
        householdId: 1,
        address: '小村1号',
        incidentIds: [1, 9, 2],
        figures: { count: 3, windowDays: 90 },
        at: '2025-05-25T02:00:00.000Z',
        lon: 120.02,
        lat: 29.02,
      }),
    ]);
  });

  it('does not warn of a household whose third dispute is older than 90 days', async () => {
    const t = appAt(TINY_NOW, (d) => {
      d.incidents.push({ ...d.incidents[0], id: 9, reportedAt: '2025-02-20T02:00:00Z', deadlineAt: '2025-03-04T02:00:00Z' });
    });
    const list = warningListSchema.parse((await getJson(t.app, '/api/warnings?type=repeat_address')).body);
    expect(list.warnings).toEqual([]);
  });

  it('answers 400 naming type for an unknown warning type', async () => {
    const t = appAt(TINY_NOW);
    const { status, body } = await getJson(t.app, '/api/warnings?type=flood');
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body).field).toBe('type');
  });
});
