import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CountyData } from '@gridmap/shared';
import { createApp } from '../app.ts';
import { openDatabase, type Db } from '../db/open-db.ts';
import { seedCounty } from '../db/seed-sql.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  dir: string;
  /** Closes the database and deletes its temporary directory. */
  close(): void;
}

/** A temporary SQLite file in os.tmpdir(). */
export function createTempDatabase(): { db: Db; dir: string; path: string; close(): void } {
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

/** The app over a temporary database seeded with `data`, its clock fixed at `now`. */
export function createTestApp(data: CountyData, now: string): TestApp {
  const temp = createTempDatabase();
  seedCounty(temp.db, data);
  const app = createApp({
    db: temp.db,
    config: { basemapStyleUrl: null, webDist: null, now: () => new Date(now) },
  });
  return { app, db: temp.db, dir: temp.dir, close: temp.close };
}
