import type { AccountRole } from '@gridmap/shared';
import { findAccountByUsername, insertAccount } from '../db/accounts-sql.ts';
import type { Db } from '../db/open-db.ts';
import { DEMO_PASSWORD } from '@gridmap/shared/demo/demo-defaults';
import { hashPassword } from './password.ts';

export { DEMO_PASSWORD } from '@gridmap/shared/demo/demo-defaults';

/** One demo account per role: username, display name, role, and the level of the area it is scoped to. */
const DEMO_ACCOUNTS: { username: string; displayName: string; role: AccountRole; level: 'county' | 'town' | 'community' | 'grid' }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', level: 'county' },
  { username: 'county', displayName: '市综治中心值班员', role: 'county_command', level: 'county' },
  { username: 'town', displayName: '镇(街道)综治中心值班员', role: 'town_command', level: 'town' },
  { username: 'grid', displayName: '网格员', role: 'grid_worker', level: 'grid' },
  { username: 'planner', displayName: '网格规划员', role: 'planner', level: 'county' },
  { username: 'official', displayName: '领导查看', role: 'official', level: 'county' },
];

/**
 * Seeds the demo accounts that are missing (by username): the county-wide ones at the county,
 * the town one at the town with the most households (the busiest command centre), the grid
 * worker at the busiest grid of that town. Returns the usernames made.
 */
export async function seedDemoAccounts(db: Db, now: Date): Promise<string[]> {
  const missing = DEMO_ACCOUNTS.filter((a) => findAccountByUsername(db, a.username) === null);
  if (missing.length === 0) return [];
  const pick = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  const county = pick("SELECT id FROM areas WHERE level = 'county' ORDER BY id LIMIT 1");
  const town = pick("SELECT id FROM areas WHERE level = 'town' ORDER BY households DESC, id LIMIT 1");
  const grid = pick(
    `SELECT a.id FROM areas a JOIN area_closure c ON c.descendant_id = a.id
      WHERE c.ancestor_id = ? AND a.level = 'grid' ORDER BY a.households DESC, a.id LIMIT 1`,
    town,
  );
  const areaOf = { county, town, community: county, grid };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction(() => {
    for (const a of missing) {
      insertAccount(db, { username: a.username, displayName: a.displayName, role: a.role, areaId: areaOf[a.level], passwordHash }, now);
    }
  })();
  return missing.map((a) => a.username);
}
