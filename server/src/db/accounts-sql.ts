import type { Account, AccountRole } from '@gridmap/shared';
import type { Db } from './open-db.ts';

const ACCOUNT_COLUMNS = 'id, username, display_name AS displayName, role, area_id AS areaId';

/** An account with its password hash, for signing in. */
export type StoredAccount = Account & { passwordHash: string; disabled: boolean };

export function insertAccount(
  db: Db,
  account: { username: string; displayName: string; role: AccountRole; areaId: number | null; passwordHash: string },
  now: Date,
): number {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO accounts (username, display_name, password_hash, role, area_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(account.username, account.displayName, account.passwordHash, account.role, account.areaId, now.toISOString());
  return Number(lastInsertRowid);
}

/** The account of `username` (case-insensitive), or null. */
export function findAccountByUsername(db: Db, username: string): StoredAccount | null {
  const row = db
    .prepare(`SELECT ${ACCOUNT_COLUMNS}, password_hash AS passwordHash, disabled FROM accounts WHERE username = ?`)
    .get(username) as (Omit<StoredAccount, 'disabled'> & { disabled: number }) | undefined;
  return row ? { ...row, disabled: row.disabled === 1 } : null;
}

export function getAccount(db: Db, id: number): Account | null {
  return (db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ? AND disabled = 0`).get(id) as Account | undefined) ?? null;
}

export function accountCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}
