import { MAX_FEATURES_PER_TILE, TILE_EXTENT, areaTileMinZoom } from '@gridmap/shared';
import type { GeojsonVtFeature } from 'vt-pbf';
import { getAreaTileRows, levelAreaBoxes, type AreaTileRow } from '../db/area-tiles-sql.ts';
import type { Db } from '../db/open-db.ts';
import { areaTileRings, projectArea, type ProjectedArea } from './area-geometry.ts';
import { shortAreaName } from '@gridmap/shared/areas/short-area-name';
import { mercatorX, mercatorY, tileBbox } from './mercator.ts';
import { TILE_BUFFER_PIXELS } from './tile-features.ts';

/** Tile size in pixels the zooms are stated for (MapLibre's tile size). */
const TILE_PIXELS = 512;
/** Douglas–Peucker tolerance, in pixels: half a pixel is below what a line of one pixel shows. */
const AREA_SIMPLIFY_PIXELS = 0.5;
/** Projected outlines kept in memory at most, in bytes (256 MiB: every grid of a province fits). */
const AREA_GEOMETRY_CACHE_BYTES = 256 * 1024 * 1024;

interface CachedArea {
  name: string;
  parentId: number | null;
  /** What a map writes on it: the name, a grid's without its community's name in front. */
  label: string;
  level: string;
  /** Label point in world coordinates (0…1). */
  labelX: number;
  labelY: number;
  projected: ProjectedArea;
}

/**
 * The bboxes of one level's areas in memory, sorted by west edge: a tile's areas are found by a
 * binary search and a scan of the strip of areas whose west edge is near the tile's.
 */
interface LevelBoxes {
  ids: Float64Array;
  /** [minLon, minLat, maxLon, maxLat] per area, in the order of `ids`. */
  boxes: Float64Array;
  /** The widest area's width, in degrees: how far west of a tile an area meeting it may start. */
  maxWidth: number;
}

/** The MVT layers of one area tile: the polygons, and one label point per area whose label point lies in the tile. */
export interface AreaTileLayers {
  polygons: GeojsonVtFeature[];
  labels: GeojsonVtFeature[];
}

/** Name of the label point layer of a level's area tiles, e.g. 'grid-label'. */
export function areaLabelLayerName(level: string): string {
  return `${level}-label`;
}

/**
 * Area polygons for tiles, read on demand: a level's bboxes are read from the R*Tree once, on
 * its first tile (60,000 grids in ~50 ms), and say which areas meet a tile; each area's outline
 * is parsed and projected once, the missing ones of a tile in one query, then kept in a
 * byte-bounded LRU. Nothing is read before the first area tile is asked for.
 */
export class AreaTiles {
  private readonly areas = new Map<number, CachedArea>();
  private readonly levels = new Map<string, LevelBoxes>();
  private bytes = 0;

  constructor(private readonly db: Db) {}

  /**
   * The features of `level` in tile z/x/y: one polygon per area, id = area id, properties
   * `id`, `name`, `parentId` (0 for none); and the label points of the areas whose label point
   * lies in the tile (so that each area is named once, not once per tile), with `id`, `name`,
   * `level` and `label`. Empty below the level's minimum zoom. When more areas than
   * MAX_FEATURES_PER_TILE meet the tile, the largest (by bbox) are kept.
   */
  features(level: string, z: number, x: number, y: number, within?: ReadonlySet<number>): AreaTileLayers {
    const polygons: GeojsonVtFeature[] = [];
    const labels: GeojsonVtFeature[] = [];
    if (z < areaTileMinZoom(level)) return { polygons, labels };
    const [minLon, minLat, maxLon, maxLat] = tileBbox(z, x, y);
    const padLon = ((maxLon - minLon) * TILE_BUFFER_PIXELS) / TILE_PIXELS;
    const padLat = ((maxLat - minLat) * TILE_BUFFER_PIXELS) / TILE_PIXELS;
    let found = this.inBbox(level, minLon - padLon, minLat - padLat, maxLon + padLon, maxLat + padLat);
    if (within) found = found.filter(([id]) => within.has(id));
    if (found.length > MAX_FEATURES_PER_TILE) {
      found = [...found].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_FEATURES_PER_TILE).sort((a, b) => a[0] - b[0]);
    }
    const unitsPerPixel = TILE_EXTENT / TILE_PIXELS;
    const n = 2 ** z;
    this.load(found.map(([id]) => id));
    for (const [id] of found) {
      const area = this.area(id);
      if (!area) continue;
      const rings = areaTileRings(
        area.projected, z, x, y, TILE_EXTENT, TILE_BUFFER_PIXELS * unitsPerPixel, AREA_SIMPLIFY_PIXELS * unitsPerPixel,
      );
      if (rings.length === 0) continue;
      polygons.push({ id, type: 3, geometry: rings, tags: { id, name: area.name, parentId: area.parentId ?? 0 } });
      const lx = area.labelX * n - x;
      const ly = area.labelY * n - y;
      if (lx >= 0 && lx < 1 && ly >= 0 && ly < 1) {
        labels.push({
          id, type: 1, geometry: [[Math.round(lx * TILE_EXTENT), Math.round(ly * TILE_EXTENT)]],
          tags: { id, name: area.name, level: area.level, label: area.label },
        });
      }
    }
    return { polygons, labels };
  }

  /** Forgets the outlines of these areas of `level` (they were redrawn, added or removed) and the level's bboxes. */
  forget(level: string, ids: Iterable<number>): void {
    for (const id of ids) this.drop(id);
    this.levels.delete(level);
  }

  /** Forgets every outline and bbox (an import redrew areas). */
  forgetAll(): void {
    this.areas.clear();
    this.levels.clear();
    this.bytes = 0;
  }

  /** Outlines held, and their bytes. */
  get cached(): { areas: number; bytes: number } {
    return { areas: this.areas.size, bytes: this.bytes };
  }

  /** [id, bbox width × height in square degrees] of the areas of `level` whose bbox meets the box, by id. */
  private inBbox(level: string, minLon: number, minLat: number, maxLon: number, maxLat: number): [number, number][] {
    let index = this.levels.get(level);
    if (!index) {
      const rows = levelAreaBoxes(this.db, level);
      index = { ids: new Float64Array(rows.length), boxes: new Float64Array(rows.length * 4), maxWidth: 0 };
      for (let i = 0; i < rows.length; i++) {
        const [id, w, s, e, n] = rows[i];
        index.ids[i] = id;
        index.boxes.set([w, s, e, n], i * 4);
        index.maxWidth = Math.max(index.maxWidth, e - w);
      }
      this.levels.set(level, index);
    }
    const { ids, boxes, maxWidth } = index;
    // First area whose west edge is at least minLon - maxWidth: none before it can reach the box.
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boxes[mid * 4] < minLon - maxWidth) lo = mid + 1;
      else hi = mid;
    }
    const found: [number, number][] = [];
    for (let i = lo; i < ids.length && boxes[i * 4] <= maxLon; i++) {
      const w = boxes[i * 4];
      const s = boxes[i * 4 + 1];
      const e = boxes[i * 4 + 2];
      const n = boxes[i * 4 + 3];
      if (e >= minLon && s <= maxLat && n >= minLat) found.push([ids[i], (e - w) * (n - s)]);
    }
    return found.sort((a, b) => a[0] - b[0]);
  }

  /** Reads and projects, in one query, the outlines of these areas that are not held. */
  private load(ids: readonly number[]): void {
    const missing = ids.filter((id) => !this.areas.has(id));
    for (const row of getAreaTileRows(this.db, missing)) this.hold(row);
  }

  private area(id: number): CachedArea | null {
    const hit = this.areas.get(id);
    if (hit) {
      this.areas.delete(id); // re-insert: a Map iterates oldest first
      this.areas.set(id, hit);
      return hit;
    }
    const [row] = getAreaTileRows(this.db, [id]);
    return row ? this.hold(row) : null;
  }

  private hold(row: AreaTileRow): CachedArea {
    const area: CachedArea = {
      name: row.name,
      parentId: row.parentId,
      label: row.level === 'grid' ? shortAreaName(row.name, row.parentName) : row.name,
      level: row.level,
      labelX: mercatorX(row.labelLon),
      labelY: mercatorY(row.labelLat),
      projected: projectArea(row.geometry),
    };
    this.areas.set(row.id, area);
    this.bytes += area.projected.bytes;
    for (const [oldest] of this.areas) {
      if (this.bytes <= AREA_GEOMETRY_CACHE_BYTES) break;
      this.drop(oldest);
    }
    return area;
  }

  private drop(id: number): void {
    const area = this.areas.get(id);
    if (!area) return;
    this.areas.delete(id);
    this.bytes -= area.projected.bytes;
  }
}
