import { auditActionsSchema, auditPageSchema, errorBodySchema } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../auth/demo-accounts.ts';
import { recordAudit } from '../db/audit-sql.ts';
import { useTinyCountyApp, type TestApp } from '../test/test-app.ts';
import { TINY_NOW } from '../test/tiny-county.ts';

/** Signs the administrator in; the audit log then holds that sign-in and what `lines` adds. */
async function asAdmin(t: TestApp, lines: [username: string, action: string, at: string][]) {
  await seedDemoAccounts(t.db, new Date(TINY_NOW));
  for (const [username, action, at] of lines) recordAudit(t.db, { accountId: null, username, action, target: `target of ${username}` }, new Date(at));
  const res = await t.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  const cookie = res.headers.get('Set-Cookie')!.split(';')[0];
  return async (query: string) => {
    const answer = await t.app.request(`/api/audit${query}`, { headers: { Cookie: cookie } });
    return { status: answer.status, body: (await answer.json()) as unknown };
  };
}

const LINES: [string, string, string][] = [
  ['town', 'sign_in', '2025-05-30T01:00:00.000Z'], // 09:00 on 30 May, county time
  ['town', 'view_personal', '2025-05-30T17:00:00.000Z'], // 01:00 on 31 May, county time
  ['grid', 'sign_in_failed', '2025-05-31T02:00:00.000Z'],
  ['Grid', 'sign_in', '2025-05-31T03:00:00.000Z'],
  ['town', 'sign_out', '2025-05-31T04:00:00.000Z'],
];

describe('GET /api/audit', () => {
  const t = useTinyCountyApp();

  it('pages newest first: the next page starts before the last id of the page before', async () => {
    const audit = await asAdmin(t.current, LINES);
    const first = auditPageSchema.parse((await audit('?limit=2')).body);
    expect(first.map((l) => [l.username, l.action])).toEqual([['admin', 'sign_in'], ['town', 'sign_out']]);
    const second = auditPageSchema.parse((await audit(`?limit=2&before=${first[1].id}`)).body);
    expect(second.map((l) => [l.username, l.action])).toEqual([['Grid', 'sign_in'], ['grid', 'sign_in_failed']]);
    const rest = auditPageSchema.parse((await audit(`?limit=10&before=${second[1].id}`)).body);
    expect(rest.map((l) => l.action)).toEqual(['view_personal', 'sign_in']);
  });

  it('narrows to one account in any case, to one action, and to county days', async () => {
    const audit = await asAdmin(t.current, LINES);
    const rows = async (query: string) => auditPageSchema.parse((await audit(query)).body).map((l) => `${l.username} ${l.action}`);
    expect(await rows('?account=GRID')).toEqual(['Grid sign_in', 'grid sign_in_failed']);
    expect(await rows('?action=sign_in&account=town')).toEqual(['town sign_in']);
    // 31 May in the county runs from 30 May 16:00 UTC to 31 May 16:00 UTC.
    expect(await rows('?from=2025-05-31&to=2025-05-31')).toEqual(['town sign_out', 'Grid sign_in', 'grid sign_in_failed', 'town view_personal']);
    expect(await rows('?to=2025-05-30')).toEqual(['town sign_in']);
    expect(await rows('?from=2025-05-31T03:00:00Z&to=2025-05-31T04:00:00Z')).toEqual(['town sign_out', 'Grid sign_in']);
  });

  it('lists the actions the log holds', async () => {
    const audit = await asAdmin(t.current, LINES);
    expect(auditActionsSchema.parse((await audit('/actions')).body)).toEqual(['sign_in', 'sign_in_failed', 'sign_out', 'view_personal']);
  });

  it.each([
    ['?action=DROP%20TABLE', 'action'],
    ['?from=2025-06-01&to=2025-05-01', 'from'],
    ['?from=2025-02-30', 'from'],
    ['?before=0', 'before'],
    ['?account=', 'account'],
    ['?user=admin', 'user'],
    ['?limit=1&limit=2', 'limit'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const audit = await asAdmin(t.current, []);
    const { status, body } = await audit(query);
    expect(status).toBe(400);
    expect(errorBodySchema.parse(body)).toMatchObject({ code: 'bad_request', field });
  });
});
