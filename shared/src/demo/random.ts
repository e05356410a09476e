/**
 * A small seeded pseudo-random generator (sfc32: 128-bit state, passes PractRand to terabytes)
 * so that the demo county is the same for the same seed on every machine. Never Math.random.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any integer; `stream` names an independent sequence for one stage of generation. */
  constructor(seed: number, stream = '') {
    const h = hashString(`${seed}:${stream}`);
    this.a = h[0];
    this.b = h[1];
    this.c = h[2];
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next(); // mix the seed in before use
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** An index drawn with probability proportional to `weights[i]`. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** cyrb128: spreads a string over three 32-bit words of state. */
function hashString(text: string): [number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h1 ^ Math.imul(h3 ^ k, 951274213);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h1 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h2 ^ (h3 >>> 17), 951274213);
  return [(h1 ^ h2 ^ h3) >>> 0, h2 >>> 0, h3 >>> 0];
}

/**
 * Draws indices with probability proportional to fixed weights in O(log n) each, for the
 * hundreds of thousands of draws (households into cells) where `weightedIndex` would be O(n).
 */
export class WeightedSampler {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i];
    if (!(sum > 0)) throw new Error(`Weights must have a positive sum, got ${sum}`);
  }

  sample(random: Random): number {
    const c = this.cumulative;
    const r = random.next() * c[c.length - 1];
    let lo = 0, hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
