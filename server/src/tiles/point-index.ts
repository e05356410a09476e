import { runAtOnce, type Steps } from '../db/read-in-turns.ts';
import { mercatorX, mercatorY } from './mercator.ts';

/**
 * Points in Web Mercator world coordinates (0…1) and a grid of cells over the first `count`;
 * points appended since (`added`, in spare room after them) are searched one by one until the
 * next rebuild.
 */
export interface PointIndex {
  count: number;
  /** Points appended after the cells were built, at indices count … count + added − 1. */
  added: number;
  x: Float64Array;
  y: Float64Array;
  /** Null when there are no points. */
  cells: CellGrid | null;
}

/**
 * The points sorted by the cell of level `level` they lie in (row by row over the points' box),
 * with where each cell starts. Built by a counting sort, which unlike a KD-tree's sort can stop
 * between chunks of points: ten million households are indexed without holding the event loop
 * for seconds, in 4 bytes a point. A box query reads, per row of cells, one run of `order`.
 */
export interface CellGrid {
  level: number;
  /** The box's first cell column and row, and its size in cells. */
  minCx: number;
  minCy: number;
  width: number;
  height: number;
  /** Cell c (row-major, c = row × width + column) holds order[start[c]] … order[start[c + 1] − 1]. */
  start: Uint32Array;
  /** Point indices by cell, ascending within a cell. */
  order: Uint32Array;
}

/** Finest cell level: cells of 2^-16 of the world, about 530 m across in Zhejiang (a z16 tile). */
const MAX_CELL_LEVEL = 16;
/** Most cells the grid may have (4 bytes each): a coarser level is taken for a wider box. */
const MAX_CELLS = 1 << 22;
/** Points handled per step of a build (a few ms of arithmetic each). */
const POINTS_PER_STEP = 250_000;

/** Projects lon/lat (degrees) once and indexes them, so that a tile query is a box query. */
export function buildPointIndex(lon: ArrayLike<number>, lat: ArrayLike<number>, headroom = 0): PointIndex {
  const count = lon.length;
  const x = new Float64Array(count + headroom);
  const y = new Float64Array(count + headroom);
  for (let i = 0; i < count; i++) {
    x[i] = mercatorX(lon[i]);
    y[i] = mercatorY(lat[i]);
  }
  return { count, added: 0, x, y, cells: runAtOnce(buildCells(x, y, count)) };
}

function cellOf(v: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(v * n)));
}

/** The cell grid of the first `count` points, a chunk of points per step. */
function* buildCells(x: Float64Array, y: Float64Array, count: number): Steps<CellGrid | null> {
  if (count === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let from = 0; from < count; from += POINTS_PER_STEP) {
    for (let i = from; i < Math.min(count, from + POINTS_PER_STEP); i++) {
      if (x[i] < minX) minX = x[i];
      if (x[i] > maxX) maxX = x[i];
      if (y[i] < minY) minY = y[i];
      if (y[i] > maxY) maxY = y[i];
    }
    yield;
  }
  let level = MAX_CELL_LEVEL;
  const span = (l: number) => {
    const n = 2 ** l;
    return [cellOf(minX, n), cellOf(minY, n), cellOf(maxX, n) - cellOf(minX, n) + 1, cellOf(maxY, n) - cellOf(minY, n) + 1];
  };
  while (level > 0 && span(level)[2] * span(level)[3] > MAX_CELLS) level--;
  const [minCx, minCy, width, height] = span(level);
  const n = 2 ** level;
  const key = (i: number) => (cellOf(y[i], n) - minCy) * width + (cellOf(x[i], n) - minCx);
  // Counting sort: counts per cell, then each cell's end, then points placed from the last down,
  // which leaves start[c] at the cell's first place and the points of a cell in ascending order.
  const start = new Uint32Array(width * height + 1);
  for (let from = 0; from < count; from += POINTS_PER_STEP) {
    for (let i = from; i < Math.min(count, from + POINTS_PER_STEP); i++) start[key(i)]++;
    yield;
  }
  for (let c = 1; c <= width * height; c++) start[c] += start[c - 1];
  // start[c] is now the end of cell c; the extra last slot keeps the total for the last cell.
  start[width * height] = count;
  const order = new Uint32Array(count);
  for (let to = count; to > 0; to -= POINTS_PER_STEP) {
    for (let i = to - 1; i >= Math.max(0, to - POINTS_PER_STEP); i--) order[--start[key(i)]] = i;
    yield;
  }
  return { level, minCx, minCy, width, height, start, order };
}

/** Indices of the points inside the box (edges included), in world coordinates. */
export function pointsInBox(index: PointIndex, minX: number, minY: number, maxX: number, maxY: number): number[] {
  const found: number[] = [];
  const g = index.cells;
  if (g && minX <= maxX && minY <= maxY) {
    const n = 2 ** g.level;
    const cx0 = Math.max(0, cellOf(minX, n) - g.minCx);
    const cx1 = Math.min(g.width - 1, cellOf(maxX, n) - g.minCx);
    const cy0 = Math.max(0, cellOf(minY, n) - g.minCy);
    const cy1 = Math.min(g.height - 1, cellOf(maxY, n) - g.minCy);
    const { x, y } = index;
    for (let cy = cy0; cy <= cy1 && cx0 <= cx1; cy++) {
      const to = g.start[cy * g.width + cx1 + 1];
      for (let k = g.start[cy * g.width + cx0]; k < to; k++) {
        const i = g.order[k];
        if (x[i] >= minX && x[i] <= maxX && y[i] >= minY && y[i] <= maxY) found.push(i);
      }
    }
  }
  for (let i = index.count; i < index.count + index.added; i++) {
    if (index.x[i] >= minX && index.x[i] <= maxX && index.y[i] >= minY && index.y[i] <= maxY) found.push(i);
  }
  return found;
}

/** Appends a point in the spare room; its index, or -1 when there is no room left (rebuild then). */
export function appendPoint(index: PointIndex, lon: number, lat: number): number {
  const i = index.count + index.added;
  if (i >= index.x.length) return -1;
  index.x[i] = mercatorX(lon);
  index.y[i] = mercatorY(lat);
  index.added++;
  return i;
}

/**
 * Indexes up to `count` rows `[id, lon, lat, …]` (count first, so that every array is allocated
 * once at its size), handing each row and its index to `store` for the caller's own parallel
 * arrays. A row written after the count is left out; the next rebuild picks it up.
 */
export function indexRows<R extends readonly [number, number, number, ...unknown[]]>(
  count: number,
  rows: Iterable<R>,
  store: (row: R, i: number) => void,
  headroom = 0,
): PointIndex {
  return runAtOnce(indexRowChunks(count, [rows], store, headroom));
}

/** `indexRows` over chunks of rows, a step after each chunk and through the cells' build. */
export function* indexRowChunks<R extends readonly [number, number, number, ...unknown[]]>(
  count: number,
  chunks: Iterable<Iterable<R>>,
  store: (row: R, i: number) => void,
  headroom = 0,
): Steps<PointIndex> {
  // Projected as read: no lon/lat copy of ten million points beside the world positions.
  let x = new Float64Array(count + headroom);
  let y = new Float64Array(count + headroom);
  let i = 0;
  read: for (const rows of chunks) {
    for (const row of rows) {
      if (i === count) break read;
      x[i] = mercatorX(row[1]);
      y[i] = mercatorY(row[2]);
      store(row, i);
      i++;
    }
    yield;
  }
  if (i < count) {
    // Fewer rows than counted (some deleted since): keep only the room the next appends need.
    x = x.slice(0, i + headroom);
    y = y.slice(0, i + headroom);
  }
  const cells = yield* buildCells(x, y, i);
  return { count: i, added: 0, x, y, cells };
}
