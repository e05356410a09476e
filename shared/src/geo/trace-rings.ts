/**
 * Traces closed rings from directed edges `from[e] → to[e]` between vertex ids whose coordinates
 * are `xs[id]`, `ys[id]`. The edges must form closed loops (every vertex has as many edges in as
 * out), as the boundary of a union of cells does once shared edges have cancelled.
 *
 * Where several edges leave a vertex (a pinch, where the region touches itself), the walk takes
 * the sharpest left turn, which keeps the region on the left of each ring; any ring that still
 * passes a vertex twice is then split there, so every returned ring is simple.
 * Rings are lists of vertex ids without the closing repeat; a ring with the region on its left
 * runs counter-clockwise around an outer boundary and clockwise around a hole.
 *
 * @example traceRings([0, 1, 2], [1, 2, 0], xs, ys) // → [[0, 1, 2]]
 */
export function traceRings(
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): number[][] {
  const edgeCount = from.length;
  const outgoing = new Map<number, number[]>();
  for (let e = 0; e < edgeCount; e++) {
    const list = outgoing.get(from[e]);
    if (list) list.push(e);
    else outgoing.set(from[e], [e]);
  }
  const used = new Uint8Array(edgeCount);
  const rings: number[][] = [];
  for (let first = 0; first < edgeCount; first++) {
    if (used[first]) continue;
    const start = from[first];
    const walk = [start];
    let e = first;
    for (;;) {
      used[e] = 1;
      const v = to[e];
      if (v === start) break;
      walk.push(v);
      e = nextEdge(e, outgoing.get(v), used, from, to, xs, ys);
    }
    for (const ring of splitAtRepeats(walk)) rings.push(ring);
  }
  return rings;
}

function nextEdge(
  incoming: number,
  candidates: number[] | undefined,
  used: Uint8Array,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): number {
  const u = from[incoming];
  const v = to[incoming];
  let best = -1;
  let bestTurn = -Infinity;
  const ax = xs[v] - xs[u];
  const ay = ys[v] - ys[u];
  for (const e of candidates ?? []) {
    if (used[e]) continue;
    const w = to[e];
    const bx = xs[w] - xs[v];
    const by = ys[w] - ys[v];
    // Signed turn angle in (-π, π]: larger is further left.
    const turn = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
    if (turn > bestTurn) {
      bestTurn = turn;
      best = e;
    }
  }
  if (best < 0) throw new Error(`Open boundary: no unused edge leaves vertex ${v} (${xs[v]}, ${ys[v]})`);
  return best;
}

/** Splits a closed walk that visits a vertex more than once into simple cycles. */
function splitAtRepeats(walk: number[]): number[][] {
  const cycles: number[][] = [];
  const stack: number[] = [];
  const position = new Map<number, number>();
  for (const v of walk) {
    const p = position.get(v);
    if (p !== undefined) {
      const cycle = stack.splice(p);
      for (const w of cycle) position.delete(w);
      cycles.push(cycle);
    }
    position.set(v, stack.length);
    stack.push(v);
  }
  cycles.push(stack);
  return cycles;
}
