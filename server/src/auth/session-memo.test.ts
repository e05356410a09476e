import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedCounty } from '../db/seed-sql.ts';
import { openTestSession } from '../test/signed-in-app.ts';
import { useTempDatabases } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';
import { sessionMemo } from './session-memo.ts';
import { SESSION_MAX_MS, closeSession } from './sessions.ts';

const temps = useTempDatabases();

function setUp() {
  const temp = temps.create();
  seedCounty(temp.db, tinyCounty());
  let nowMs = Date.parse(TINY_NOW);
  const session = openTestSession(temp.db, 'county_command', new Date(nowMs));
  const memo = sessionMemo({ db: temp.db, config: { basemapStyleUrl: null, webDist: null, now: () => new Date(nowMs) } });
  return { ...temp, session, memo, advance: (ms: number) => (nowMs += ms) };
}

describe('sessionMemo', () => {
  it('answers as the lookup does, with the account and its scope', () => {
    const { session, memo } = setUp();
    expect(memo(session.token)?.account.username).toBe(session.username);
    expect(memo(session.token)?.scopeIsRoot).toBe(true);
    expect(memo('no-such-token')).toBeNull();
    expect(memo(undefined)).toBeNull();
  });

  it('forgets a session at once when it is signed out', () => {
    const { db, session, memo } = setUp();
    expect(memo(session.token)).not.toBeNull();
    closeSession(db, session.token);
    expect(memo(session.token)).toBeNull();
  });

  it('forgets a session whose account another process disabled', () => {
    const { path, session, memo } = setUp();
    expect(memo(session.token)).not.toBeNull();
    const other = new Database(path);
    other.prepare('UPDATE accounts SET disabled = 1 WHERE id = ?').run(session.accountId);
    other.close();
    expect(memo(session.token)).toBeNull();
  });

  it('ends a remembered session at its end', () => {
    const { session, memo, advance } = setUp();
    for (let i = 0; i < 12 * 60; i++) {
      expect(memo(session.token)).not.toBeNull(); // a request a minute keeps it from idling out
      advance(60_000);
    }
    advance(SESSION_MAX_MS - 12 * 60 * 60_000);
    expect(memo(session.token)).toBeNull();
  });
});
