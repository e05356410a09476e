import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CountyData } from '@gridmap/shared';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase, type Db } from '../db/open-db.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { TINY_NOW, tinyCounty } from './tiny-county.ts';
import type { AccountRole } from '@gridmap/shared';
export { openTestSession, signedIn, type TestSession } from './signed-in-app.ts';
import { openTestSession, signedIn, type TestSession } from './signed-in-app.ts';

type App = ReturnType<typeof createApp>;

export interface TestApp {
  /** The app, its `request()` and `fetch()` signed in as `session` unless a request sets its own Cookie. */
  app: App;
  /** The same app without the session: what a stranger gets. */
  anonymous: App;
  /** The test administrator's session (the whole county; see signedIn). */
  session: TestSession;
  /** The app signed in as an account of `role` scoped to `areaId` (default: the whole county). */
  as(role: AccountRole, areaId?: number): App;
  db: Db;
  dir: string;
  /** Closes the database and deletes its temporary directory. */
  close(): void;
}

export interface TempDatabase {
  db: Db;
  dir: string;
  path: string;
  /** Closes the database and deletes its directory. */
  close(): void;
}

/** A temporary SQLite file in os.tmpdir(). */
export function createTempDatabase(): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-test-'));
  const path = join(dir, 'test.sqlite');
  const db = openDatabase(path);
  return {
    db,
    dir,
    path,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Temporary databases for the tests of the calling file, each closed and deleted after its test
 * (extra connections first, so that none outlives its file). Call at the top level or in a describe.
 */
export function useTempDatabases() {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((f) => f()));
  return {
    /** A fresh migrated database. */
    create(): TempDatabase {
      const temp = createTempDatabase();
      cleanups.push(temp.close);
      return temp;
    },
    /** Another connection to the file at `path`. */
    connect(path: string): Db {
      const db = openDatabase(path);
      cleanups.push(() => db.close());
      return db;
    },
  };
}

/** The app over a temporary database seeded with `data`, its clock fixed at `now`. */
export function createTestApp(data: CountyData, now: string): TestApp {
  const temp = createTempDatabase();
  seedCounty(temp.db, data);
  const app = createApp({
    db: temp.db,
    config: { basemapStyleUrl: null, webDist: null, now: () => new Date(now) },
  });
  const session = openTestSession(temp.db, 'admin', new Date(now));
  const as = (role: AccountRole, areaId?: number) => signedIn(app, openTestSession(temp.db, role, new Date(now), areaId));
  return { app: signedIn(app, session), anonymous: app, session, as, db: temp.db, dir: temp.dir, close: temp.close };
}


/**
 * A fresh tiny-county app for each test of the calling file (no state shared between cases).
 * Call at the top of a describe block; read `.current` inside a test.
 */
export function useTinyCountyApp(): { readonly current: TestApp } {
  const holder: { current: TestApp } = { current: undefined as unknown as TestApp };
  beforeEach(() => {
    holder.current = createTestApp(tinyCounty(), TINY_NOW);
  });
  afterEach(() => holder.current.close());
  return holder;
}

/** GET `path` and parse the JSON body. */
export async function getJson(app: TestApp['app'], path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.json(), headers: res.headers };
}
