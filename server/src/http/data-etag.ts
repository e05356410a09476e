import { createHash, randomBytes } from 'node:crypto';
import { dataVersion } from '../db/data-version.ts';
import type { Db } from '../db/open-db.ts';

/**
 * Tells this process's data versions from those of an earlier run (the counter starts over,
 * and the database may have been reseeded in between).
 */
const PROCESS_TAG = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * A weak ETag for a response that follows from the database alone (plus `parts`, for what
 * else it depends on): equal while nothing is written, so clients revalidate it for free.
 */
export function dataEtag(db: Db, ...parts: (string | number)[]): string {
  return `W/"${[PROCESS_TAG, dataVersion(db), ...parts].join('-')}"`;
}

/**
 * A weak ETag for a response that follows from `parts` alone (e.g. the areas' stamp and the
 * figures a list shows): equal while they are, whatever else is written meanwhile.
 */
export function contentEtag(...parts: (string | number)[]): string {
  return `W/"${PROCESS_TAG}-${createHash('sha1').update(parts.join(',')).digest('base64url')}"`;
}
