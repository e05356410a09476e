import { type Neighbourhood } from '@gridmap/shared/hotspots/neighbourhood';
import { hexCellRing, hexStudyArea, type HexStudyArea } from '@gridmap/shared/hotspots/hex-study-area';
import { sharedEdgeNeighbourhood } from '@gridmap/shared/hotspots/shared-edge-neighbourhood';
import type { AreaGeometry } from '@gridmap/shared';
import type { AnalysisIncidents, GridCells } from '../db/hotspots-sql.ts';

/** A hexagonal study area with each cell's boundary as GeoJSON text, ready to splice into answers. */
export interface HexCells extends HexStudyArea {
  geometryJson: string[];
}

/** A grid study area: the grids, the grid of each incident, neighbours by shared edges. */
export interface GridStudyArea {
  grids: GridCells;
  cellOfPoint: Int32Array;
  neighbourhood: Neighbourhood;
}

const hexCache = new WeakMap<AnalysisIncidents, Map<number, HexCells>>();
const gridCache = new WeakMap<AnalysisIncidents, { grids: GridCells; area: GridStudyArea }>();

/**
 * The hexagons of `resolution` over the county and its incidents, built once per load of the
 * incidents (indexing every incident into H3 is the costly step; counting afterwards is not).
 */
export function hexCellsFor(incidents: AnalysisIncidents, outline: AreaGeometry, resolution: number): HexCells {
  let byResolution = hexCache.get(incidents);
  if (!byResolution) hexCache.set(incidents, (byResolution = new Map()));
  let cells = byResolution.get(resolution);
  if (!cells) {
    const area = hexStudyArea(outline, incidents.lon, incidents.lat, resolution);
    const geometryJson = area.cells.map((cell) => {
      return JSON.stringify({ type: 'Polygon', coordinates: [hexCellRing(cell)] });
    });
    cells = { ...area, geometryJson };
    byResolution.set(resolution, cells);
  }
  return cells;
}

/** The grid study area for these incidents and grids, built once per load of either. */
export function gridStudyAreaFor(incidents: AnalysisIncidents, grids: GridCells): GridStudyArea {
  const hit = gridCache.get(incidents);
  if (hit && hit.grids === grids) return hit.area;
  const indexOf = new Map(grids.ids.map((id, i) => [id, i]));
  const cellOfPoint = Int32Array.from(incidents.gridId, (id) => indexOf.get(id) ?? -1);
  const neighbourhood = sharedEdgeNeighbourhood(grids.geometryJson.map((g) => JSON.parse(g) as AreaGeometry));
  const area = { grids, cellOfPoint, neighbourhood };
  gridCache.set(incidents, { grids, area });
  return area;
}
