import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { accountRoleSchema, type AccountRole } from '@gridmap/shared';
import { hashPassword } from '@gridmap/server/auth/password';
import { findAccountByUsername, insertAccount } from '@gridmap/server/db/accounts-sql';
import { openDatabase, type Db } from '@gridmap/server/db/open-db';

// `pnpm account -- add --username 王芳 --role town_command --area 330681101 --password …`:
// makes an account in a database, for a deployment that holds its own data rather than the
// demo (the demo accounts are seeded with the demo county). The server must be able to answer
// someone: every /api route but sign-in and health needs a session.

/** Shortest password accepted, in characters. */
export const MIN_PASSWORD_CHARS = 10;

export interface AccountArgs {
  database: string;
  username: string;
  displayName: string;
  role: AccountRole;
  /** An area id or code; null for the whole database (an administrator before any area exists). */
  area: string | null;
  password: string;
}

/** Reads `add --database --username --role [--area] --password [--name]`; throws naming the bad option. */
export function parseAccountArgs(argv: string[], cwd: string): AccountArgs {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const [command, ...rest] = args;
  if (command !== 'add') throw new Error(`the command must be 'add', got ${command ?? 'nothing'}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      database: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' },
      role: { type: 'string' }, area: { type: 'string' }, password: { type: 'string' },
    },
    strict: true,
  });
  const username = values.username?.trim();
  if (!username) throw new Error('--username is required');
  const role = accountRoleSchema.safeParse(values.role);
  if (!role.success) throw new Error(`--role must be one of ${accountRoleSchema.options.join(', ')}, got ${values.role ?? 'nothing'}`);
  const password = values.password ?? '';
  if (Array.from(password).length < MIN_PASSWORD_CHARS) throw new Error(`--password must have at least ${MIN_PASSWORD_CHARS} characters`);
  if (values.area === undefined && role.data !== 'admin') throw new Error('--area is required for every role but admin (an id or a code)');
  return {
    database: resolve(cwd, values.database ?? process.env.DATABASE ?? 'data/gridmap.sqlite'),
    username,
    displayName: values.name?.trim() || username,
    role: role.data,
    area: values.area ?? null,
    password,
  };
}

/** The area id of `ref` (an id or a code), or an error naming --area. */
function areaIdOf(db: Db, ref: string): number {
  const id = db.prepare('SELECT id FROM areas WHERE code = ? OR (? GLOB \'[0-9]*\' AND id = CAST(? AS INTEGER)) ORDER BY code = ? DESC LIMIT 1')
    .pluck()
    .get(ref, ref, ref, ref) as number | undefined;
  if (id === undefined) throw new Error(`--area: no area with id or code ${ref}`);
  return id;
}

/** Adds the account; returns its id. */
export async function addAccount(db: Db, args: Omit<AccountArgs, 'database'>, now: Date): Promise<number> {
  if (findAccountByUsername(db, args.username)) throw new Error(`--username: an account named ${args.username} exists`);
  const areaId = args.area === null ? null : areaIdOf(db, args.area);
  const passwordHash = await hashPassword(args.password);
  return insertAccount(db, { username: args.username, displayName: args.displayName, role: args.role, areaId, passwordHash }, now);
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let args: AccountArgs;
  try {
    args = parseAccountArgs(argv, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const db = openDatabase(args.database);
  try {
    const id = await addAccount(db, args, new Date());
    console.log(`account ${id}: ${args.username} (${args.role}) in ${args.database}`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
