import { cellToBoundary, gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import type { AreaGeometry } from './area-geometry.ts';
import { neighbourhoodFromLists, type Neighbourhood } from './neighbourhood.ts';

/** Coarsest and finest H3 resolution offered: res 5 hexagons are ~253 km², res 9 ~0.105 km² (edge ~200 m). */
export const MIN_HEX_RESOLUTION = 5;
export const MAX_HEX_RESOLUTION = 9;
/** Neighbourhood of a hexagon: its k-ring of this many steps (k = 1: the six cells around it). */
export const HEX_K_RING = 1;


export interface HexStudyArea {
  resolution: number;
  /** H3 indexes of the cells, in a fixed order (sorted). */
  cells: string[];
  /** Index into `cells` of each point given, or -1 for none (never, as every point adds its cell). */
  cellOfPoint: Int32Array;
  neighbourhood: Neighbourhood;
}

/**
 * The hexagons of a study area: every H3 cell of `resolution` whose centre lies inside
 * `outline`, plus the cell of every point (a case at the edge counts where it lies), with
 * neighbours in the k-ring (HEX_K_RING) that are themselves in the study area. Zero cells stay
 * in: they are what the mean and spread of Gi* are measured against.
 */
export function hexStudyArea(outline: AreaGeometry, lons: ArrayLike<number>, lats: ArrayLike<number>, resolution: number): HexStudyArea {
  const set = new Set(hexCellsInOutline(outline, resolution));
  const pointCells: string[] = new Array(lons.length);
  for (let i = 0; i < lons.length; i++) {
    const cell = latLngToCell(lats[i], lons[i], resolution);
    pointCells[i] = cell;
    set.add(cell);
  }
  const cells = [...set].sort();
  const indexOf = new Map(cells.map((c, i) => [c, i]));
  const cellOfPoint = Int32Array.from(pointCells, (c) => indexOf.get(c) ?? -1);
  return { resolution, cells, cellOfPoint, neighbourhood: hexNeighbourhood(cells) };
}

/** Every H3 cell of `resolution` whose centre lies inside `outline`; throws on a resolution outside 5..9. */
export function hexCellsInOutline(outline: AreaGeometry, resolution: number): string[] {
  if (!Number.isInteger(resolution) || resolution < MIN_HEX_RESOLUTION || resolution > MAX_HEX_RESOLUTION) {
    throw new RangeError(`H3 resolution ${resolution} is outside ${MIN_HEX_RESOLUTION}..${MAX_HEX_RESOLUTION}`);
  }
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  return polygons.flatMap((polygon) => polygonToCells(polygon, resolution, true));
}

/** Neighbours of each of `cells`: the cells of its k-ring (HEX_K_RING) that are among `cells`. */
export function hexNeighbourhood(cells: readonly string[]): Neighbourhood {
  const indexOf = new Map(cells.map((c, i) => [c, i]));
  const lists = cells.map((cell) => gridDisk(cell, HEX_K_RING).flatMap((c) => (indexOf.has(c) ? [indexOf.get(c)!] : [])));
  return neighbourhoodFromLists(lists);
}

/** A hexagon's outline as a closed GeoJSON ring of [lon, lat], rounded to 1e-6° (~0.1 m). */
export function hexCellRing(cell: string): [number, number][] {
  return cellToBoundary(cell, true).map(([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
}

/** The H3 index of the hexagon of `resolution` that holds [lon, lat]. */
export function hexCellAt(lon: number, lat: number, resolution: number): string {
  return latLngToCell(lat, lon, resolution);
}
