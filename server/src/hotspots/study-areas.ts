import type { AreaGeometry } from '@gridmap/shared';
import { hexCellAt, hexCellRing, hexCellsInOutline, hexNeighbourhood } from '@gridmap/shared/hotspots/hex-study-area';
import type { Neighbourhood } from '@gridmap/shared/hotspots/neighbourhood';
import { sharedEdgeNeighbourhood } from '@gridmap/shared/hotspots/shared-edge-neighbourhood';
import type { AnalysisIncidents, GridCells } from '../db/hotspots-sql.ts';

/** Study areas remembered at most (one per outline and resolution; tests open many databases). */
const MAX_CACHED_AREAS = 12;

/** A hexagonal study area with each cell's boundary as GeoJSON text, ready to splice into answers. */
export interface HexCells {
  resolution: number;
  cells: string[];
  /** Index into `cells` of each incident of the load it was built for. */
  cellOfPoint: Int32Array;
  neighbourhood: Neighbourhood;
  geometryJson: string[];
}

/** A grid study area: the grids, the grid of each incident, neighbours by shared edges. */
export interface GridStudyArea {
  grids: GridCells;
  cellOfPoint: Int32Array;
  neighbourhood: Neighbourhood;
}

/**
 * What survives a write for one outline and resolution: the H3 cell of every incident seen (by
 * id, with the position it had), and the cells, neighbours and boundaries of the last cell set.
 * Incidents are read again after every write (a step of the handling cycle is one), but they do
 * not move, so only new ones are indexed and the neighbours are rebuilt only when a case lands
 * in a cell new to the study area.
 */
interface HexMemory {
  pointCell: Map<number, { lon: number; lat: number; cell: string }>;
  cells: string[];
  cellSet: Set<string>;
  indexOf: Map<string, number>;
  neighbourhood: Neighbourhood;
  geometryJson: string[];
  /** The answer for the last incident load, reused while the load is the same object. */
  last: { incidents: AnalysisIncidents; area: HexCells } | null;
}

const hexMemories = new Map<string, HexMemory>();
const gridMemories = new Map<string, Neighbourhood>();
const gridAnswers = new WeakMap<AnalysisIncidents, GridStudyArea>();

/** The hexagons of `resolution` over the county outline (given as its stored text) and its incidents. */
export function hexCellsFor(incidents: AnalysisIncidents, outlineText: string, resolution: number): HexCells {
  const key = `${resolution}:${outlineText}`;
  let memory = hexMemories.get(key);
  if (!memory) {
    const cells = hexCellsInOutline(JSON.parse(outlineText) as AreaGeometry, resolution).sort();
    memory = withCells({ pointCell: new Map(), last: null } as unknown as HexMemory, cells);
    remember(hexMemories, key, memory);
  }
  if (memory.last?.incidents === incidents) return memory.last.area;
  const pointCells: string[] = new Array(incidents.count);
  let added = false;
  for (let i = 0; i < incidents.count; i++) {
    const id = incidents.id[i];
    const lon = incidents.lon[i];
    const lat = incidents.lat[i];
    let seen = memory.pointCell.get(id);
    if (!seen || seen.lon !== lon || seen.lat !== lat) {
      seen = { lon, lat, cell: hexCellAt(lon, lat, resolution) };
      memory.pointCell.set(id, seen);
    }
    pointCells[i] = seen.cell;
    if (!memory.cellSet.has(seen.cell)) {
      memory.cellSet.add(seen.cell);
      added = true;
    }
  }
  if (added) withCells(memory, [...memory.cellSet].sort());
  const indexOf = memory.indexOf;
  const area: HexCells = {
    resolution,
    cells: memory.cells,
    cellOfPoint: Int32Array.from(pointCells, (c) => indexOf.get(c) ?? -1),
    neighbourhood: memory.neighbourhood,
    geometryJson: memory.geometryJson,
  };
  memory.last = { incidents, area };
  return area;
}

function withCells(memory: HexMemory, cells: string[]): HexMemory {
  memory.cells = cells;
  memory.cellSet = new Set(cells);
  memory.indexOf = new Map(cells.map((c, i) => [c, i]));
  memory.neighbourhood = hexNeighbourhood(cells);
  memory.geometryJson = cells.map((cell) => JSON.stringify({ type: 'Polygon', coordinates: [hexCellRing(cell)] }));
  return memory;
}

/** The grid study area for these incidents and grids; neighbours are remembered per grid layout. */
export function gridStudyAreaFor(incidents: AnalysisIncidents, grids: GridCells): GridStudyArea {
  const hit = gridAnswers.get(incidents);
  if (hit && hit.grids === grids) return hit;
  let neighbourhood = gridMemories.get(grids.layoutKey);
  if (!neighbourhood) {
    neighbourhood = sharedEdgeNeighbourhood(grids.geometryJson.map((g) => JSON.parse(g) as AreaGeometry));
    remember(gridMemories, grids.layoutKey, neighbourhood);
  }
  const indexOf = new Map(grids.ids.map((id, i) => [id, i]));
  const area = { grids, cellOfPoint: Int32Array.from(incidents.gridId, (id) => indexOf.get(id) ?? -1), neighbourhood };
  gridAnswers.set(incidents, area);
  return area;
}

/** Sets `key`, dropping the oldest entries beyond MAX_CACHED_AREAS. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
  for (const old of map.keys()) {
    if (map.size <= MAX_CACHED_AREAS) break;
    map.delete(old);
  }
}
