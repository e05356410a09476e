import { runAtOnce, runInTurns, type Steps } from '../db/read-in-turns.ts';

/**
 * Points read from the database on first need: at once for a caller that cannot wait (tests,
 * counts), in turns for a request that can (`ready`), so that indexing a province's ten million
 * households does not hold every other request. A write made while a build in turns is under way
 * is applied when the build ends (it may have read the row before or after the write; every
 * change applied here is idempotent).
 */
export class LazyPoints<P> {
  private points: P | null = null;
  private building: Promise<void> | null = null;
  private pending: ((points: P) => void)[] = [];
  /** Bumped by `forget`, so that a build started before it is thrown away. */
  private generation = 0;

  constructor(private readonly steps: () => Steps<P>) {}

  /** The points, built at once when not yet built. */
  get(): P {
    if (!this.points) {
      this.points = runAtOnce(this.steps());
      this.pending = []; // read after those writes
    }
    return this.points;
  }

  /** Whether the points are built. */
  get built(): boolean {
    return this.points !== null;
  }

  /** Resolves once the points are built, building them in turns when they are not. */
  ready(): Promise<void> {
    if (this.points) return Promise.resolve();
    if (this.building) return this.building;
    const generation = this.generation;
    const building = runInTurns(this.steps())
      .then((points) => {
        if (generation !== this.generation || this.points) return; // forgotten, or built at once meanwhile
        this.points = points;
        const pending = this.pending;
        this.pending = [];
        for (const apply of pending) apply(points);
      })
      .finally(() => {
        if (this.building === building) this.building = null;
      });
    this.building = building;
    return building;
  }

  /** Applies a change to the points if they are built (or once the build under way ends); none are read yet otherwise. */
  ifBuilt(apply: (points: P) => void): void {
    if (this.points) apply(this.points);
    else if (this.building) this.pending.push(apply);
  }

  /** Forgets the points (the database changed wholesale): the next need reads them again. */
  forget(): void {
    this.points = null;
    this.building = null;
    this.pending = [];
    this.generation++;
  }
}
