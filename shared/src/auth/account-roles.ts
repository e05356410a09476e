import { z } from 'zod';

/**
 * Who signs in (issue 9): each account has one role and one area it is scoped to, and sees and
 * changes only what lies inside that area.
 */
export const ACCOUNT_ROLES = [
  'admin', // 系统管理员: everything, the audit log, accounts
  'county_command', // 县级综治中心
  'town_command', // 乡镇(街道)综治中心
  'grid_worker', // 村(社区)/网格员
  'planner', // 网格规划
  'official', // 领导查看 (read-only)
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const accountRoleSchema = z.enum(ACCOUNT_ROLES);

/** What a role may do, inside its area. */
export const PERMISSIONS = [
  'read', // areas, incidents, tiles, statistics, the live stream
  'report', // intake of new incidents
  'handle', // steps of the handling cycle
  'plan', // grid plans and staff assignment
  'manage_points', // add, move and close mediation points
  'import', // bulk import
  'see_personal', // names, phones and key-group tags unmasked
  'audit', // read the audit log
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<AccountRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  county_command: ['read', 'report', 'handle', 'manage_points', 'see_personal'],
  town_command: ['read', 'report', 'handle', 'see_personal'],
  grid_worker: ['read', 'report', 'handle', 'see_personal'],
  planner: ['read', 'plan'],
  official: ['read'],
};

/** Whether `role` may do `permission`, e.g. can('official', 'handle') === false. */
export function can(role: AccountRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether `role` only reads (the official): its aggregates hide counts small enough to single out a household. */
export function isReadOnlyRole(role: AccountRole): boolean {
  return ROLE_PERMISSIONS[role].every((p) => p === 'read');
}
