import { memoUntilWrite } from './memo-until-write.ts';
import type { Db } from './open-db.ts';

let lastVersion = 0;

/**
 * A number that changes after every write to the database, from this connection or another,
 * and stays put between writes (reads included). Counted in this process, so unique across
 * databases but not across restarts: an ETag built on it needs a process id beside it.
 */
export const dataVersion: (db: Db) => number = memoUntilWrite(() => ++lastVersion);
