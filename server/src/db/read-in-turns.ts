/**
 * A long read (every incident, every household of a province) written once as a generator that
 * yields after each chunk of rows, and run either at once (tests, tools) or in turns, giving the
 * event loop back between chunks so that other requests are answered while it reads.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to their end without pausing. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps with a pause (setImmediate: pending I/O first) after each. */
export async function runInTurns<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Rows per chunk of a read by id: some 20–60 ms of reading and indexing each on a loaded machine. */
export const ROWS_PER_CHUNK = 20_000;

/** Chunks of rows `[id, …]` read in id order, each after the last id of the one before, until a short one. */
export function* chunksById<R extends readonly [number, ...unknown[]]>(read: (afterId: number, limit: number) => R[]): Generator<R[], void, void> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = read(after, ROWS_PER_CHUNK);
    if (rows.length > 0) yield rows;
    if (rows.length < ROWS_PER_CHUNK) return;
    after = rows[rows.length - 1][0];
  }
}
