import type { CellMesh } from './cell-mesh.ts';

/**
 * Grows regions over the cell graph from seed cells: a cell joins the first region to reach it,
 * in order of its distance to that region's seed measured between the cells' warped positions
 * (`warpedX`, `warpedY`, metres: a smooth domain warp bends the straight Voronoi borders into
 * organic ones). Growing only through neighbours keeps each
 * region contiguous and holding its seed; ranking by distance to the seed (not by path length
 * over the lattice, whose L1 metric gives staircase and diamond borders) makes the regions
 * Voronoi-like. A cell only joins over an edge to a cell of the same parent (`parentOf`, or all
 * one parent when null), so each parent is split on its own.
 * Returns the region index (the seed's position in `seeds`) of each cell.
 */
export function growRegions(
  mesh: CellMesh,
  seeds: readonly number[],
  parentOf: Int32Array | null,
  warpedX: Float64Array,
  warpedY: Float64Array,
): Int32Array {
  const region = new Int32Array(mesh.cellCount).fill(-1);
  const cost = new Float64Array(mesh.cellCount).fill(Infinity);
  const heap = new CellHeap(mesh.cellCount * 2);
  seeds.forEach((cell, r) => {
    if (cost[cell] === 0) throw new Error(`Cell ${cell} is the seed of two regions`);
    cost[cell] = 0;
    region[cell] = r;
    heap.push(cell, 0);
  });
  const { cellStart, cellNeighbour } = mesh;
  const done = new Uint8Array(mesh.cellCount);
  while (heap.size > 0) {
    const d = heap.topCost();
    const c = heap.pop();
    if (done[c] || d > cost[c]) continue; // stale entry
    done[c] = 1;
    const seed = seeds[region[c]];
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
      const nb = cellNeighbour[k];
      if (nb < 0 || done[nb] || (parentOf && parentOf[nb] !== parentOf[c])) continue;
      const reach = Math.hypot(warpedX[nb] - warpedX[seed], warpedY[nb] - warpedY[seed]);
      if (reach < cost[nb]) {
        cost[nb] = reach;
        region[nb] = region[c];
        heap.push(nb, reach);
      }
    }
  }
  return region;
}

/** Binary min-heap of (cell, cost) in typed arrays; ties pop the lower cell first (deterministic). */
class CellHeap {
  private cells: Int32Array;
  private costs: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.cells = new Int32Array(capacity);
    this.costs = new Float64Array(capacity);
  }

  push(cell: number, cost: number): void {
    if (this.size === this.cells.length) {
      const cells = new Int32Array(this.size * 2);
      const costs = new Float64Array(this.size * 2);
      cells.set(this.cells), costs.set(this.costs);
      this.cells = cells, this.costs = costs;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(cell, cost, this.cells[parent], this.costs[parent])) break;
      this.cells[i] = this.cells[parent];
      this.costs[i] = this.costs[parent];
      i = parent;
    }
    this.cells[i] = cell;
    this.costs[i] = cost;
  }

  topCost(): number {
    return this.costs[0];
  }

  pop(): number {
    const top = this.cells[0];
    const cell = this.cells[--this.size];
    const cost = this.costs[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.less(this.cells[child + 1], this.costs[child + 1], this.cells[child], this.costs[child])) child++;
      if (!this.less(this.cells[child], this.costs[child], cell, cost)) break;
      this.cells[i] = this.cells[child];
      this.costs[i] = this.costs[child];
      i = child;
    }
    this.cells[i] = cell;
    this.costs[i] = cost;
    return top;
  }

  private less(cellA: number, costA: number, cellB: number, costB: number): boolean {
    return costA < costB || (costA === costB && cellA < cellB);
  }
}
