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
