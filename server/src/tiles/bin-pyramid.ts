import { BIN_PIXELS } from '@gridmap/shared';
import { runAtOnce, type Steps } from '../db/read-in-turns.ts';
import type { PointIndex } from './point-index.ts';

/** Tile size in pixels that BIN_PIXELS is stated for. */
const TILE_PIXELS = 512;
/** log2 of bins per tile side (512 / 8 = 64 = 2^6): a bin of a z tile is a cell of level z + 6. */
const BIN_SHIFT = Math.log2(TILE_PIXELS / BIN_PIXELS);
/**
 * Cell levels the pyramid keeps (a cell of level L is a square of 2^-L of the world): every
 * other level, so that a tile at zoom z reads cells of level z + 6 or z + 7, at most
 * 128 × 128 of them. Level 17 cells are about 260 m across in Zhejiang.
 */
export const PYRAMID_LEVELS = [7, 9, 11, 13, 15, 17] as const;
/** Highest zoom whose bins come from the pyramid; closer tiles bin their points directly. */
export const PYRAMID_MAX_ZOOM = PYRAMID_LEVELS[PYRAMID_LEVELS.length - 1] - BIN_SHIFT;
/** Points (or finer cells) counted per step of a build in turns: some 20–50 ms each. */
const POINTS_PER_STEP = 100_000;
/** A block groups a level's cells by the tile of zoom L − 7 they lie in, so that a tile reads one block. */
const BLOCK_SHIFT = BIN_SHIFT + 1;

/** One bin of a tile: how many points, the sums of their positions (world units) and of each extra flag. */
export interface PyramidBin {
  /** Row-major index of the bin in its tile, 0 … 64² − 1. */
  key: number;
  count: number;
  sumX: number;
  sumY: number;
  extra: number[];
}

interface Level {
  level: number;
  cx: number[];
  cy: number[];
  count: number[];
  sumX: number[];
  sumY: number[];
  /** extra[e][slot]: points of the cell whose flag e is set. */
  extra: number[][];
  /** Block key → slots of the cells in it. */
  blocks: Map<number, number[]>;
}

/**
 * Counts of points per cell at a few levels, built once from a point index, so that a low-zoom
 * tile sums at most 128² cells instead of binning every point under it (at z6 a Zhejiang tile
 * lies over ten million households). Bins come out the same as binning the points: cells nest in
 * bins, and sums of positions give the same mean. Kept exact under single-point updates.
 */
export class BinPyramid {
  private readonly levels: Level[];

  /** `flags[e](i)`: whether point i counts towards extra e (e.g. open incidents); no index: empty, to fill. */
  constructor(index: PointIndex | null, private readonly flags: readonly ((i: number) => boolean)[]) {
    this.levels = PYRAMID_LEVELS.map((level) => ({
      level, cx: [], cy: [], count: [], sumX: [], sumY: [], extra: flags.map(() => []), blocks: new Map(),
    }));
    if (index) runAtOnce(this.fill(index));
  }

  /** The pyramid of `index`, a chunk of points per step (see `runInTurns`). */
  static *inSteps(index: PointIndex, flags: readonly ((i: number) => boolean)[]): Steps<BinPyramid> {
    const pyramid = new BinPyramid(null, flags);
    yield* pyramid.fill(index);
    return pyramid;
  }

  private *fill(index: PointIndex): Steps<void> {
    const { flags } = this;
    const finest = this.levels[this.levels.length - 1];
    // Slots by column, then row: keys under 2^17 stay small integers, where one key of both
    // (up to 2^34) would be a heap number per cell, a million of them for a province to collect.
    const slots = new Map<number, Map<number, number>>();
    const n = 2 ** finest.level;
    const total = index.count + index.added;
    for (let from = 0; from < total; from += POINTS_PER_STEP) {
      for (let i = from; i < Math.min(total, from + POINTS_PER_STEP); i++) {
        const cx = Math.min(n - 1, Math.floor(index.x[i] * n));
        const cy = Math.min(n - 1, Math.floor(index.y[i] * n));
        let column = slots.get(cx);
        if (!column) slots.set(cx, (column = new Map()));
        let slot = column.get(cy);
        if (slot === undefined) {
          slot = newCell(finest, cx, cy);
          column.set(cy, slot);
        }
        finest.count[slot]++;
        finest.sumX[slot] += index.x[i];
        finest.sumY[slot] += index.y[i];
        for (let e = 0; e < flags.length; e++) if (flags[e](i)) finest.extra[e][slot]++;
      }
      yield;
    }
    for (let l = this.levels.length - 2; l >= 0; l--) yield* coarsen(this.levels[l + 1], this.levels[l]);
  }

  /** Cells held across all levels. */
  get cells(): number {
    return this.levels.reduce((sum, level) => sum + level.count.length, 0);
  }

  /** The non-empty bins of tile z/x/y by key, or null above PYRAMID_MAX_ZOOM. */
  bins(z: number, x: number, y: number): PyramidBin[] | null {
    const binLevel = z + BIN_SHIFT;
    const level = this.levels.find((l) => l.level >= binLevel);
    if (!level) return null;
    const down = level.level - z; // cells per tile side = 2^down
    const blockZoom = level.level - BLOCK_SHIFT;
    const up = z - blockZoom;
    const slots = level.blocks.get(blockKey(x >> up, y >> up, blockZoom)) ?? [];
    const minCx = x * 2 ** down;
    const minCy = y * 2 ** down;
    const side = 2 ** down;
    const shift = level.level - binLevel;
    const bins = new Map<number, PyramidBin>();
    for (const slot of slots) {
      const dx = level.cx[slot] - minCx;
      const dy = level.cy[slot] - minCy;
      if (dx < 0 || dy < 0 || dx >= side || dy >= side || level.count[slot] === 0) continue;
      const key = (dy >> shift) * 2 ** BIN_SHIFT + (dx >> shift);
      let bin = bins.get(key);
      if (!bin) {
        bin = { key, count: 0, sumX: 0, sumY: 0, extra: this.flags.map(() => 0) };
        bins.set(key, bin);
      }
      bin.count += level.count[slot];
      bin.sumX += level.sumX[slot];
      bin.sumY += level.sumY[slot];
      for (let e = 0; e < this.flags.length; e++) bin.extra[e] += level.extra[e][slot];
    }
    return [...bins.values()].sort((a, b) => a.key - b.key);
  }

  /** Adds (sign 1) or removes (sign −1) one point at world x/y with these extra flags (0/1 each). */
  update(x: number, y: number, sign: 1 | -1, extras: readonly number[]): void {
    for (const level of this.levels) {
      const slot = cellAt(level, x, y);
      level.count[slot] += sign;
      level.sumX[slot] += sign * x;
      level.sumY[slot] += sign * y;
      for (let e = 0; e < extras.length; e++) level.extra[e][slot] += sign * extras[e];
    }
  }
}

function blockKey(bx: number, by: number, blockZoom: number): number {
  return bx * 2 ** Math.max(0, blockZoom) + by;
}

function newCell(level: Level, cx: number, cy: number): number {
  const slot = level.cx.length;
  level.cx.push(cx);
  level.cy.push(cy);
  level.count.push(0);
  level.sumX.push(0);
  level.sumY.push(0);
  for (const extra of level.extra) extra.push(0);
  const blockZoom = level.level - BLOCK_SHIFT;
  const key = blockKey(cx >> BLOCK_SHIFT, cy >> BLOCK_SHIFT, blockZoom);
  const block = level.blocks.get(key);
  if (block) block.push(slot);
  else level.blocks.set(key, [slot]);
  return slot;
}

/** The slot of the cell holding world x/y, made when missing (a linear look through its block). */
function cellAt(level: Level, x: number, y: number): number {
  const n = 2 ** level.level;
  const cx = Math.min(n - 1, Math.floor(x * n));
  const cy = Math.min(n - 1, Math.floor(y * n));
  const block = level.blocks.get(blockKey(cx >> BLOCK_SHIFT, cy >> BLOCK_SHIFT, level.level - BLOCK_SHIFT)) ?? [];
  for (const slot of block) if (level.cx[slot] === cx && level.cy[slot] === cy) return slot;
  return newCell(level, cx, cy);
}

/** Fills `coarse` (two levels up) from `fine`: each coarse cell sums the 4 × 4 fine cells in it. */
function* coarsen(fine: Level, coarse: Level): Steps<void> {
  const shift = fine.level - coarse.level;
  const n = 2 ** coarse.level; // coarse keys cx · n + cy stay below 2^30 (level 15 at most)
  const slots = new Map<number, number>();
  for (let from = 0; from < fine.count.length; from += POINTS_PER_STEP) {
    for (let s = from; s < Math.min(fine.count.length, from + POINTS_PER_STEP); s++) {
      const cx = fine.cx[s] >> shift;
      const cy = fine.cy[s] >> shift;
      const key = cx * n + cy;
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = newCell(coarse, cx, cy);
        slots.set(key, slot);
      }
      coarse.count[slot] += fine.count[s];
      coarse.sumX[slot] += fine.sumX[s];
      coarse.sumY[slot] += fine.sumY[s];
      for (let e = 0; e < fine.extra.length; e++) coarse.extra[e][slot] += fine.extra[e][s];
    }
    yield;
  }
}
