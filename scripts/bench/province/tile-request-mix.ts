import { AREA_LEVELS, AREA_TILE_MAX_ZOOM, areaTileMinZoom } from '@gridmap/shared';
import { Random } from '@gridmap/shared/demo/random';
import type { Db } from '@gridmap/server/db/open-db';
import { mercatorX, mercatorY } from '@gridmap/server/tiles/mercator';

/** One tile a browser asks for: the MVT layer path segment ('households', 'areas/grid', …) and its address. */
export interface TileRequest {
  layer: string;
  z: number;
  x: number;
  y: number;
  path: string;
}

/** Lowest and highest zoom of the mix (issue 8: z6–z16). */
const MIN_ZOOM = 6;
const MAX_ZOOM = 16;
/** The browser window the mix pans, in CSS pixels, and MapLibre's tile size in the same pixels. */
const VIEW = { width: 1280, height: 800 };
const TILE_PIXELS = 512;
/** Views per visit: the first and this many pans of half a window. */
const PANS_PER_VISIT = 3;
/** Below this zoom a visit starts at a city, from it at a town (a city fills the window at z9). */
const TOWN_FROM_ZOOM = 9;

/**
 * The tiles the web map asks for while people look around the province: visits at a random zoom
 * (z6–z16, uniform), centred on a city (z < 9) or a town, each panned three times by half a
 * window in a random direction. Every view asks for the tiles under the window of each layer the
 * map draws at that zoom: the area levels from their minimum zoom, households and incidents.
 * A visit asks for a tile once (the browser keeps it); visits may ask for the same tiles again.
 */
export function tileRequestMix(db: Db, count: number, seed = 8): TileRequest[] {
  const random = new Random(seed, 'tile-mix');
  const places = (level: string) =>
    db.prepare('SELECT label_lon, label_lat FROM areas WHERE level = ?').raw().all(level) as [number, number][];
  const towns = places('town');
  const cities = places('city').length > 0 ? places('city') : places('county');
  const out: TileRequest[] = [];
  while (out.length < count) {
    const z = MIN_ZOOM + random.int(MAX_ZOOM - MIN_ZOOM + 1);
    const [lon, lat] = random.pick(z < TOWN_FROM_ZOOM ? cities : towns);
    const worldPixels = TILE_PIXELS * 2 ** z;
    let cx = mercatorX(lon) * worldPixels;
    let cy = mercatorY(lat) * worldPixels;
    const layers = [
      ...AREA_LEVELS.filter((level) => areaTileMinZoom(level) <= z && z <= AREA_TILE_MAX_ZOOM).map((level) => `areas/${level}`),
      'households',
      'incidents',
    ];
    const seen = new Set<string>();
    for (let view = 0; view <= PANS_PER_VISIT && out.length < count; view++) {
      if (view > 0) {
        cx += (random.next() < 0.5 ? -1 : 1) * VIEW.width / 2;
        cy += (random.next() < 0.5 ? -1 : 1) * VIEW.height / 2;
      }
      const x0 = Math.floor((cx - VIEW.width / 2) / TILE_PIXELS);
      const x1 = Math.floor((cx + VIEW.width / 2) / TILE_PIXELS);
      const y0 = Math.floor((cy - VIEW.height / 2) / TILE_PIXELS);
      const y1 = Math.floor((cy + VIEW.height / 2) / TILE_PIXELS);
      for (const layer of layers) {
        for (let x = x0; x <= x1; x++) {
          for (let y = y0; y <= y1; y++) {
            const path = `/api/tiles/${layer}/${z}/${x}/${y}.mvt`;
            if (seen.has(path) || out.length >= count) continue;
            seen.add(path);
            out.push({ layer, z, x, y, path });
          }
        }
      }
    }
  }
  return out;
}
