/**
 * Who neighbours whom among `count` cells, in compressed rows: the neighbours of cell i are
 * `indices[offsets[i] .. offsets[i + 1])`, never i itself (Gi* adds the cell on its own).
 */
export interface Neighbourhood {
  count: number;
  offsets: Uint32Array;
  indices: Uint32Array;
}

/** Builds a Neighbourhood from one neighbour list per cell; drops self-links and repeats. */
export function neighbourhoodFromLists(lists: readonly (readonly number[])[]): Neighbourhood {
  const offsets = new Uint32Array(lists.length + 1);
  const flat: number[] = [];
  lists.forEach((list, i) => {
    for (const j of new Set(list)) if (j !== i) flat.push(j);
    offsets[i + 1] = flat.length;
  });
  return { count: lists.length, offsets, indices: Uint32Array.from(flat) };
}

/** The neighbours of cell i as an array (for tests and small uses). */
export function neighboursOf(n: Neighbourhood, i: number): number[] {
  return Array.from(n.indices.subarray(n.offsets[i], n.offsets[i + 1]));
}
