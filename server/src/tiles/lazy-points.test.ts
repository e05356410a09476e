import { describe, expect, it } from 'vitest';
import type { Steps } from '../db/read-in-turns.ts';
import { LazyPoints } from './lazy-points.ts';

/** A build over `rows` (read when it starts) that takes `turns` steps. */
function* build(rows: Map<number, string>, turns: number): Steps<Map<number, string>> {
  const copy = new Map(rows);
  for (let i = 0; i < turns; i++) yield;
  return copy;
}

describe('LazyPoints', () => {
  it('builds in turns once for every caller that waits, and answers others meanwhile', async () => {
    let builds = 0;
    const points = new LazyPoints(() => {
      builds++;
      return build(new Map([[1, 'a']]), 5);
    });
    let answered = false;
    setImmediate(() => (answered = true));
    await Promise.all([points.ready(), points.ready()]);
    expect(builds).toBe(1);
    expect(answered).toBe(true);
    expect(points.get().get(1)).toBe('a');
  });

  it('applies a change made while the build is under way once it ends', async () => {
    const table = new Map([[1, 'a']]);
    const points = new LazyPoints(() => build(table, 3));
    const ready = points.ready();
    table.set(1, 'b'); // the write, after the build read the row
    points.ifBuilt((p) => p.set(1, 'b'));
    await ready;
    expect(points.get().get(1)).toBe('b');
  });

  it('drops a change before any build and reads the database when one is needed', () => {
    const table = new Map([[1, 'a']]);
    const points = new LazyPoints(() => build(table, 0));
    points.ifBuilt((p) => p.set(1, 'stale'));
    table.set(1, 'b');
    expect(points.get().get(1)).toBe('b');
  });

  it('throws away a build started before the points were forgotten', async () => {
    const table = new Map([[1, 'a']]);
    const points = new LazyPoints(() => build(table, 3));
    const first = points.ready();
    points.forget();
    table.set(1, 'b');
    await first;
    await points.ready();
    expect(points.get().get(1)).toBe('b');
  });
});
