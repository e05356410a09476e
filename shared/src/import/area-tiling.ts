import { area, bbox, difference, featureCollection, intersect, multiPolygon, polygon, union } from '@turf/turf';
import { labelPoint } from '../geo/label-point.ts';
import { signedRingArea } from '../geo/ring-area.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/**
 * Pieces smaller than this are not reported, in square metres: a GIS that snaps shared edges
 * leaves slivers of floating-point dust along them, while a real gap or overlap between two
 * grids (a missed lane, a doubly counted building) is hundreds of square metres.
 */
export const TILING_TOLERANCE_M2 = 1;

export interface TilingArea {
  code: string;
  geometry: Polygon | MultiPolygon;
}

/** A place where children do not tile their parent; `codes` names the areas involved. */
export interface TilingProblem {
  kind: 'gap' | 'overlap' | 'outside';
  parentCode: string;
  codes: string[];
  /** Size of the piece in square metres. */
  areaM2: number;
  /** [lon, lat] of a point inside the piece. */
  where: [number, number];
  message: string;
}

/**
 * Where `children` fail to tile `parent` exactly (DOMAIN.md: every point of a community lies in
 * exactly one of its grids): the parts of the parent no child covers (gap), parts two children
 * both cover (overlap) and parts of a child beyond the parent (outside). Empty when they tile.
 */
export function tilingProblems(parent: TilingArea, children: readonly TilingArea[]): TilingProblem[] {
  if (edgesTile(parent, children)) return [];
  const problems: TilingProblem[] = [];
  const features = children.map((c) => asFeature(c.geometry, c.code));
  const boxes = features.map((f) => bbox(f));
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      if (!boxesOverlap(boxes[i], boxes[j])) continue;
      const both = intersect(featureCollection([features[i], features[j]]));
      for (const piece of pieces(both)) {
        problems.push(problem('overlap', parent.code, [children[i].code, children[j].code], piece,
          `${children[i].code} and ${children[j].code} overlap`));
      }
    }
  }
  const parentFeature = asFeature(parent.geometry, parent.code);
  for (let i = 0; i < features.length; i++) {
    for (const piece of pieces(difference(featureCollection([features[i], parentFeature])))) {
      problems.push(problem('outside', parent.code, [children[i].code], piece, `${children[i].code} reaches outside its parent ${parent.code}`));
    }
  }
  const covered = features.length === 0 ? null : features.length === 1 ? features[0] : union(featureCollection(features));
  const uncovered = covered === null ? parentFeature : difference(featureCollection([parentFeature, covered]));
  for (const piece of pieces(uncovered)) {
    problems.push(problem('gap', parent.code, [parent.code], piece, `part of ${parent.code} lies in none of its children`));
  }
  return problems;
}

/**
 * The fast, exact check for boundaries that share their vertices (a GIS with snapping, the demo
 * generator): with every ring wound one way (outer counter-clockwise), the children's edges that
 * do not cancel against a reversed twin must be exactly the parent's edges. Then the children's
 * winding numbers sum to the parent's everywhere, so each point of the parent is in exactly one
 * child and no child reaches outside. False sends the check to polygon clipping, which finds
 * where the problems are (and accepts tilings whose shared edges split at different vertices).
 */
function edgesTile(parent: TilingArea, children: readonly TilingArea[]): boolean {
  const open = new Map<string, number>();
  const add = (key: string, twin: string) => {
    const t = open.get(twin) ?? 0;
    if (t > 0) {
      if (t === 1) open.delete(twin);
      else open.set(twin, t - 1);
    } else {
      open.set(key, (open.get(key) ?? 0) + 1);
    }
  };
  for (const child of children) forEachEdge(child.geometry, add);
  let parentEdges = 0;
  let matched = true;
  forEachEdge(parent.geometry, (key) => {
    parentEdges++;
    if ((open.get(key) ?? 0) < 1) matched = false;
    else open.set(key, open.get(key)! - 1);
  });
  return matched && parentEdges > 0 && [...open.values()].every((n) => n === 0);
}

/** Calls `visit(edge, reversedEdge)` for every edge, outer rings counter-clockwise and holes clockwise. */
function forEachEdge(g: Polygon | MultiPolygon, visit: (key: string, twin: string) => void): void {
  for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    rings.forEach((ring, i) => {
      const ccw = signedRingArea(ring) > 0;
      const forward = (i === 0) === ccw;
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[forward ? k : k + 1];
        const b = ring[forward ? k + 1 : k];
        if (a[0] === b[0] && a[1] === b[1]) continue; // a repeated position is no edge
        visit(`${a[0]},${a[1]}>${b[0]},${b[1]}`, `${b[0]},${b[1]}>${a[0]},${a[1]}`);
      }
    });
  }
}

function asFeature(geometry: Polygon | MultiPolygon, code: string): Feature<Polygon | MultiPolygon> {
  return geometry.type === 'Polygon' ? polygon(geometry.coordinates, { code }) : multiPolygon(geometry.coordinates, { code });
}

/** The polygons of a clipping result that are larger than the tolerance. */
function pieces(result: Feature<Polygon | MultiPolygon> | null): Feature<Polygon>[] {
  if (result === null) return [];
  const rings = result.geometry.type === 'Polygon' ? [result.geometry.coordinates] : result.geometry.coordinates;
  return rings.map((r) => polygon(r)).filter((p) => area(p) > TILING_TOLERANCE_M2);
}

function problem(kind: TilingProblem['kind'], parentCode: string, codes: string[], piece: Feature<Polygon>, what: string): TilingProblem {
  const areaM2 = Math.round(area(piece));
  const [lon, lat] = labelPoint(piece.geometry);
  return {
    kind,
    parentCode,
    codes,
    areaM2,
    where: [lon, lat],
    message: `${what}: ${areaM2} m² around (${lon.toFixed(6)}, ${lat.toFixed(6)})`,
  };
}

function boxesOverlap(a: number[], b: number[]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
