import { BIN_PIXELS, MAX_FEATURES_PER_TILE, TILE_EXTENT } from '@gridmap/shared';
import type { GeojsonVtFeature } from 'vt-pbf';
import { pointsInBox, type PointIndex } from './point-index.ts';

/** Pixels of a 512-pixel tile that a tile's features reach beyond its edge, so symbols are not cut. */
export const TILE_BUFFER_PIXELS = 16;
/** Tile size in pixels the zoom levels and BIN_PIXELS are stated for (MapLibre's tile size). */
const TILE_PIXELS = 512;
const BINS_PER_SIDE = TILE_PIXELS / BIN_PIXELS;

/** What a tile layer needs to know about its points beyond where they are. */
export interface TileLayerSource {
  index: PointIndex;
  /** Zoom at and above which each point is its own feature. */
  pointMinZoom: number;
  /** The MVT feature id of point `i`. */
  id(i: number): number;
  /** Properties of point `i` as its own feature. */
  tags(i: number): Record<string, string | number>;
  /** Extra per-bin counts: for each name, how many of the bin's points pass the test. */
  binCounts?: Record<string, (i: number) => boolean>;
  /** Whether point `i` belongs in the tile at all (an account's scope); every point when absent. */
  include?: (i: number) => boolean;
}

/**
 * The features of tile z/x/y: one per point at and above `pointMinZoom` (tile plus a buffer)
 * unless that exceeds MAX_FEATURES_PER_TILE; otherwise BIN_PIXELS-pixel bins of the points
 * inside the tile (edges half-open, so every point falls in exactly one tile), each at the
 * mean point of its bin with `count`.
 */
export function tileFeatures(source: TileLayerSource, z: number, x: number, y: number): GeojsonVtFeature[] {
  const n = 2 ** z;
  const minX = x / n;
  const minY = y / n;
  const size = 1 / n;
  const scale = TILE_EXTENT / size; // world units to tile units
  if (z >= source.pointMinZoom) {
    const buffer = (TILE_BUFFER_PIXELS / TILE_PIXELS) * size;
    const inBox = pointsInBox(source.index, minX - buffer, minY - buffer, minX + size + buffer, minY + size + buffer);
    const found = source.include ? inBox.filter(source.include) : inBox;
    if (found.length <= MAX_FEATURES_PER_TILE) {
      found.sort((a, b) => a - b); // stable output, so equal tiles give equal bytes and ETags
      return found.map((i) => ({
        id: source.id(i),
        type: 1,
        geometry: [[Math.round((source.index.x[i] - minX) * scale), Math.round((source.index.y[i] - minY) * scale)]],
        tags: source.tags(i),
      }));
    }
  }
  return binFeatures(source, minX, minY, size, scale);
}

function binFeatures(source: TileLayerSource, minX: number, minY: number, size: number, scale: number): GeojsonVtFeature[] {
  const { index } = source;
  const maxX = minX + size;
  const maxY = minY + size;
  const extras = Object.entries(source.binCounts ?? {});
  const bins = new Map<number, { count: number; sumX: number; sumY: number; extra: number[] }>();
  for (const i of pointsInBox(index, minX, minY, maxX, maxY)) {
    if (source.include && !source.include(i)) continue;
    const px = index.x[i];
    const py = index.y[i];
    if (px >= maxX || py >= maxY) continue; // belongs to the tile to the right or below
    const bx = Math.min(BINS_PER_SIDE - 1, Math.floor(((px - minX) / size) * BINS_PER_SIDE));
    const by = Math.min(BINS_PER_SIDE - 1, Math.floor(((py - minY) / size) * BINS_PER_SIDE));
    const key = by * BINS_PER_SIDE + bx;
    let bin = bins.get(key);
    if (!bin) {
      bin = { count: 0, sumX: 0, sumY: 0, extra: extras.map(() => 0) };
      bins.set(key, bin);
    }
    bin.count++;
    bin.sumX += px;
    bin.sumY += py;
    for (let e = 0; e < extras.length; e++) if (extras[e][1](i)) bin.extra[e]++;
  }
  return [...bins.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, bin]) => {
      const tags: Record<string, number> = { count: bin.count };
      extras.forEach(([name], e) => (tags[name] = bin.extra[e]));
      return {
        type: 1,
        geometry: [[Math.round((bin.sumX / bin.count - minX) * scale), Math.round((bin.sumY / bin.count - minY) * scale)]],
        tags,
      };
    });
}
