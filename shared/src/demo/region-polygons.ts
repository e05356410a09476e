import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringsToPolygon } from '../geo/rings-to-polygon.ts';
import { traceRings } from '../geo/trace-rings.ts';
import type { CellMesh } from './cell-mesh.ts';

/**
 * The polygon of each region, a union of cells (`regionOf[cell]` in 0 .. regionCount - 1): the
 * cell edges whose other side is outside the region, traced into rings. Children built this
 * way tile their parent exactly, since both are made of the very same cell edges.
 */
export function regionPolygons(mesh: CellMesh, regionOf: Int32Array, regionCount: number): (Polygon | MultiPolygon)[] {
  const { cellStart, cellVertices, cellNeighbour, xs, ys } = mesh;
  const from: number[][] = Array.from({ length: regionCount }, () => []);
  const to: number[][] = Array.from({ length: regionCount }, () => []);
  for (let c = 0; c < mesh.cellCount; c++) {
    const r = regionOf[c];
    const start = cellStart[c], end = cellStart[c + 1];
    for (let k = start; k < end; k++) {
      const nb = cellNeighbour[k];
      if (nb >= 0 && regionOf[nb] === r) continue;
      from[r].push(cellVertices[k]);
      to[r].push(cellVertices[k + 1 < end ? k + 1 : start]);
    }
  }
  return from.map((f, r) => {
    if (f.length === 0) throw new Error(`Region ${r} has no cells`);
    const rings = traceRings(f, to[r], xs, ys).map((ids): Position[] => ids.map((v) => [xs[v], ys[v]]));
    return ringsToPolygon(rings);
  });
}

/** The label point of each region: the inner point of its cell nearest its cells' mean inner point. */
export function regionLabelPoints(mesh: CellMesh, regionOf: Int32Array, regionCount: number): [number, number][] {
  const sx = new Float64Array(regionCount), sy = new Float64Array(regionCount), n = new Float64Array(regionCount);
  for (let c = 0; c < mesh.cellCount; c++) (sx[regionOf[c]] += mesh.innerX[c]), (sy[regionOf[c]] += mesh.innerY[c]), n[regionOf[c]]++;
  const best = new Int32Array(regionCount).fill(-1);
  const bestD = new Float64Array(regionCount).fill(Infinity);
  const kx = Math.cos((mesh.innerY[0] * Math.PI) / 180);
  for (let c = 0; c < mesh.cellCount; c++) {
    const r = regionOf[c];
    const d = ((mesh.innerX[c] - sx[r] / n[r]) * kx) ** 2 + (mesh.innerY[c] - sy[r] / n[r]) ** 2;
    if (d < bestD[r]) (bestD[r] = d), (best[r] = c);
  }
  return Array.from(best, (c) => [mesh.innerX[c], mesh.innerY[c]]);
}
