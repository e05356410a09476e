import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInPolygon } from '../geo/point-in-ring.ts';
import { signedRingArea } from '../geo/ring-area.ts';
import { polygonsOf, type GridPartition } from './grid-partition.ts';

/** What can be wrong with a partition; each problem says where it is. */
export const PARTITION_PROBLEM_KINDS = [
  'too_few_vertices', // a ring with fewer than 3 distinct vertices
  'wrong_orientation', // an outer ring clockwise or a hole counter-clockwise (a grid turned inside out)
  'crossing', // two edges cross or touch away from a shared vertex (self-intersection or overlap)
  'outside_parent', // an edge crosses the community boundary, or a grid edge runs off it
  'gap_or_overlap', // an inner edge without its reverse in a neighbour, or the areas do not add up
] as const;
export type PartitionProblemKind = (typeof PARTITION_PROBLEM_KINDS)[number];

export interface PartitionProblem {
  kind: PartitionProblemKind;
  /** The grids involved. */
  gridIds: number[];
  /** Where: [lon, lat]. */
  at: [number, number];
  message: string;
}

/**
 * Largest distance of a grid boundary vertex from the community boundary, in degrees (~0.1 mm),
 * for crossings a split adds on the boundary, which lie on it only up to rounding.
 */
export const BOUNDARY_TOLERANCE_DEG = 1e-9;
/** Largest relative difference between the grids' total area and the community's. */
export const AREA_TOLERANCE = 1e-9;

interface Edge {
  a: number;
  b: number;
  grids: number[];
}

/**
 * Everything that keeps `partition` from being an exact partition of `parent`: rings simple and
 * well oriented, no two edges crossing, every inner edge shared with a neighbour, the outer
 * edges on the parent's boundary and the areas adding up. Empty when the partition is valid.
 */
export function validatePartition(partition: GridPartition, parent: Polygon | MultiPolygon): PartitionProblem[] {
  const { xs, ys } = partition;
  const problems: PartitionProblem[] = [];
  const at = (v: number): [number, number] => [xs[v], ys[v]];
  const mid = (a: number, b: number): [number, number] => [(xs[a] + xs[b]) / 2, (ys[a] + ys[b]) / 2];
  const directed = new Map<string, number>();
  const edges = new Map<string, Edge>();
  let gridArea = 0;
  for (const g of partition.grids) {
    for (const rings of g.polygons) rings.forEach((ring, r) => {
      if (new Set(ring).size < 3 || ring.length < 3) {
        problems.push({ kind: 'too_few_vertices', gridIds: [g.id], at: at(ring[0]), message: `A ring of grid ${g.id} has fewer than 3 vertices` });
        return;
      }
      const area = signedRingArea(ring.map((v): Position => [xs[v], ys[v]]));
      gridArea += area;
      if ((r === 0) !== area > 0) {
        problems.push({ kind: 'wrong_orientation', gridIds: [g.id], at: at(ring[0]), message: `Grid ${g.id} is turned inside out near (${xs[ring[0]]}, ${ys[ring[0]]})` });
      }
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i], b = ring[(i + 1) % ring.length];
        directed.set(`${a}>${b}`, g.id);
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        const e = edges.get(key);
        if (e) e.grids.push(g.id);
        else edges.set(key, { a, b, grids: [g.id] });
      }
    });
  }

  // Inner edges come in opposite pairs; the rest must lie on the parent's boundary.
  const boundary = parentSegments(parent);
  for (const [key, gridId] of directed) {
    const [a, b] = key.split('>').map(Number);
    if (directed.has(`${b}>${a}`)) continue;
    const [mx, my] = mid(a, b);
    if (onBoundary(xs[a], ys[a], boundary) && onBoundary(xs[b], ys[b], boundary) && onBoundary(mx, my, boundary)) continue;
    problems.push({
      kind: 'gap_or_overlap',
      gridIds: [gridId],
      at: [mx, my],
      message: `The edge of grid ${gridId} from (${xs[a]}, ${ys[a]}) to (${xs[b]}, ${ys[b]}) is shared with no neighbour and is not on the community boundary`,
    });
  }

  // Every vertex off the boundary lies inside the community.
  const used = new Set<number>();
  for (const e of edges.values()) used.add(e.a).add(e.b);
  for (const v of used) {
    if (onBoundary(xs[v], ys[v], boundary) || pointInPolygon(xs[v], ys[v], parent)) continue;
    const gridIds = partition.grids.filter((g) => g.polygons.some((rings) => rings.some((r) => r.includes(v)))).map((g) => g.id);
    problems.push({ kind: 'outside_parent', gridIds, at: at(v), message: `A vertex of grid ${gridIds.join(', ')} at (${xs[v]}, ${ys[v]}) lies outside the community` });
  }

  // No two edges (of any grids, or of the community boundary) may meet except at a shared vertex.
  const list = [...edges.values()];
  const segs = list.map((e) => ({ ax: xs[e.a], ay: ys[e.a], bx: xs[e.b], by: ys[e.b], a: e.a, b: e.b, grids: e.grids, parent: false }));
  for (const [ax, ay, bx, by] of boundary) {
    segs.push({ ax, ay, bx, by, a: -1, b: -1, grids: [], parent: true });
  }
  segs.sort((p, q) => Math.min(p.ax, p.bx) - Math.min(q.ax, q.bx));
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const maxX = Math.max(s.ax, s.bx);
    for (let j = i + 1; j < segs.length && Math.min(segs[j].ax, segs[j].bx) <= maxX; j++) {
      const t = segs[j];
      if (s.parent && t.parent) continue;
      if (Math.max(t.ay, t.by) < Math.min(s.ay, s.by) || Math.min(t.ay, t.by) > Math.max(s.ay, s.by)) continue;
      const meet = segmentsMeetAway(s, t);
      if (!meet) continue;
      const parentInvolved = s.parent || t.parent;
      const gridIds = [...new Set([...s.grids, ...t.grids])];
      problems.push({
        kind: parentInvolved ? 'outside_parent' : 'crossing',
        gridIds,
        at: meet,
        message: parentInvolved
          ? `Grid ${gridIds.join(', ')} crosses the community boundary near (${meet[0]}, ${meet[1]})`
          : `Edges of grid ${gridIds.join(' and ')} cross near (${meet[0]}, ${meet[1]})`,
      });
    }
  }

  if (problems.length === 0) {
    const parentArea = polygonsOf(parent).reduce((sum, rings) => sum + rings.reduce((t, ring) => t + signedRingArea(ring), 0), 0);
    if (Math.abs(gridArea - parentArea) > AREA_TOLERANCE * Math.abs(parentArea)) {
      const first = partition.grids[0]?.polygons[0]?.[0]?.[0] ?? 0;
      problems.push({ kind: 'gap_or_overlap', gridIds: [], at: at(first), message: `The grids cover ${gridArea} square degrees, the community ${parentArea}` });
    }
  }
  return problems;
}

type Segment = { ax: number; ay: number; bx: number; by: number; parent: boolean };

/**
 * Where two segments meet other than at an endpoint they share, or null. Segments that share
 * an endpoint meet elsewhere only when they overlap along a line.
 */
function segmentsMeetAway(s: Segment, t: Segment): [number, number] | null {
  const same = (x1: number, y1: number, x2: number, y2: number) => x1 === x2 && y1 === y2;
  const sharedEnds =
    (same(s.ax, s.ay, t.ax, t.ay) ? 1 : 0) + (same(s.ax, s.ay, t.bx, t.by) ? 1 : 0) +
    (same(s.bx, s.by, t.ax, t.ay) ? 1 : 0) + (same(s.bx, s.by, t.bx, t.by) ? 1 : 0);
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (sharedEnds > 0) {
    // A grid edge on the boundary, or one end of it there: the boundary checks above cover it.
    if (s.parent || t.parent) return null;
    if (sharedEnds === 2) return [(s.ax + s.bx) / 2, (s.ay + s.by) / 2];
    // One shared endpoint: a problem only when collinear and folding onto each other.
    if (o1 !== 0 || o2 !== 0) return null;
    const [px, py] = same(s.ax, s.ay, t.ax, t.ay) || same(s.ax, s.ay, t.bx, t.by) ? [s.ax, s.ay] : [s.bx, s.by];
    const [qx, qy] = px === s.ax && py === s.ay ? [s.bx, s.by] : [s.ax, s.ay];
    const [rx, ry] = px === t.ax && py === t.ay ? [t.bx, t.by] : [t.ax, t.ay];
    return (qx - px) * (rx - px) + (qy - py) * (ry - py) > 0 ? [px, py] : null;
  }
  // A grid edge may lie along the community boundary (it is part of it): only crossings count
  // there, and not at a grid vertex that a split put on the boundary (on it only up to rounding).
  if (s.parent || t.parent) {
    if (!(o1 * o2 < 0 && o3 * o4 < 0)) return null;
    const at = crossingPoint(s, t);
    const grid = s.parent ? t : s;
    const near = (x: number, y: number) => Math.hypot(x - at[0], y - at[1]) <= BOUNDARY_TOLERANCE_DEG;
    return near(grid.ax, grid.ay) || near(grid.bx, grid.by) ? null : at;
  }
  if (o1 * o2 < 0 && o3 * o4 < 0) return crossingPoint(s, t);
  if (o1 === 0 && within(s, t.ax, t.ay)) return [t.ax, t.ay];
  if (o2 === 0 && within(s, t.bx, t.by)) return [t.bx, t.by];
  if (o3 === 0 && within(t, s.ax, s.ay)) return [s.ax, s.ay];
  if (o4 === 0 && within(t, s.bx, s.by)) return [s.bx, s.by];
  return null;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

function within(s: Segment, x: number, y: number): boolean {
  return Math.min(s.ax, s.bx) <= x && x <= Math.max(s.ax, s.bx) && Math.min(s.ay, s.by) <= y && y <= Math.max(s.ay, s.by);
}

function crossingPoint(s: Segment, t: Segment): [number, number] {
  const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
  const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
  return [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)];
}

/** The parent's boundary as segments [ax, ay, bx, by]. */
function parentSegments(parent: Polygon | MultiPolygon): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const rings of polygonsOf(parent)) for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) out.push([ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]]);
  }
  return out;
}

/** True when (x, y) lies on one of `segments` within BOUNDARY_TOLERANCE_DEG. */
function onBoundary(x: number, y: number, segments: readonly [number, number, number, number][]): boolean {
  for (const [ax, ay, bx, by] of segments) {
    if (x < Math.min(ax, bx) - BOUNDARY_TOLERANCE_DEG || x > Math.max(ax, bx) + BOUNDARY_TOLERANCE_DEG) continue;
    if (y < Math.min(ay, by) - BOUNDARY_TOLERANCE_DEG || y > Math.max(ay, by) + BOUNDARY_TOLERANCE_DEG) continue;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    if (Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= BOUNDARY_TOLERANCE_DEG) return true;
  }
  return false;
}
