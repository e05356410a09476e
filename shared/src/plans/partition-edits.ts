import type { Position } from 'geojson';
import { pointInRing } from '../geo/point-in-ring.ts';
import { signedRingArea } from '../geo/ring-area.ts';
import { segmentCrossing, type SegmentCrossing } from '../geo/segment-crossing.ts';
import { traceRings } from '../geo/trace-rings.ts';
import type { GridPartition, PartitionGrid } from './grid-partition.ts';
import { PlanEditRefusal } from './plan-edit-refusal.ts';

type Rings = number[][];

/** Moves vertex `v` to (x, y): every grid that has the vertex follows. Throws for a locked vertex. */
export function moveVertex(partition: GridPartition, v: number, x: number, y: number): GridPartition {
  vertexExists(partition, v);
  if (partition.locked.has(v)) throw new PlanEditRefusal('vertex_locked', { vertex: v }, `Vertex ${v} lies on the community boundary and cannot move`);
  const xs = [...partition.xs];
  const ys = [...partition.ys];
  xs[v] = x;
  ys[v] = y;
  return { ...partition, xs, ys };
}

/**
 * Adds a vertex at (x, y) on the edge between vertices `a` and `b`, in every grid that has the
 * edge, and returns the partition and the new vertex's id. The edge must be shared by two grids:
 * an edge of the community boundary keeps its shape, so it takes no new vertex.
 */
export function insertVertex(partition: GridPartition, a: number, b: number, x: number, y: number): { partition: GridPartition; vertex: number } {
  const v = partition.xs.length;
  let rings = 0;
  const grids = mapRings(partition, (ring) => {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const p = ring[i], q = ring[(i + 1) % n];
      if ((p === a && q === b) || (p === b && q === a)) {
        rings++;
        return [...ring.slice(0, i + 1), v, ...ring.slice(i + 1)];
      }
    }
    return ring;
  });
  if (rings === 0) throw new PlanEditRefusal('no_edge', {}, `No grid has an edge between vertices ${a} and ${b}`);
  if (rings === 1) throw new PlanEditRefusal('edge_on_boundary', {}, `The edge between vertices ${a} and ${b} lies on the community boundary`);
  return { partition: { ...partition, xs: [...partition.xs, x], ys: [...partition.ys, y], grids }, vertex: v };
}

/**
 * Removes vertex `v` from every grid that has it, joining its two neighbours. Only a vertex
 * with exactly two neighbours can go (a junction of three grids would leave a gap), and no
 * ring may drop below three vertices.
 */
export function removeVertex(partition: GridPartition, v: number): GridPartition {
  vertexExists(partition, v);
  if (partition.locked.has(v)) throw new PlanEditRefusal('vertex_locked', { vertex: v }, `Vertex ${v} lies on the community boundary and cannot be removed`);
  const neighbours = new Set<number>();
  for (const g of partition.grids) for (const rings of g.polygons) for (const ring of rings) {
    const i = ring.indexOf(v);
    if (i < 0) continue;
    if (ring.length <= 3) throw new PlanEditRefusal('ring_too_small', { vertex: v, grid: g.id }, `Removing vertex ${v} would leave grid ${g.id} a ring of fewer than 3 vertices`);
    neighbours.add(ring[(i + ring.length - 1) % ring.length]).add(ring[(i + 1) % ring.length]);
  }
  if (neighbours.size === 0) throw new PlanEditRefusal('no_vertex', { vertex: v }, `No grid has vertex ${v}`);
  if (neighbours.size !== 2) throw new PlanEditRefusal('vertex_is_junction', { vertex: v, count: neighbours.size }, `Vertex ${v} joins ${neighbours.size} edges; only a vertex between two edges can be removed`);
  return { ...partition, grids: mapRings(partition, (ring) => ring.filter((w) => w !== v)) };
}

/** A place where a cut line meets a grid's ring: across an edge, or through one of its vertices. */
interface CutHit {
  polygon: number;
  ring: number;
  /** Index in the ring of the edge's first vertex, or of the vertex the line goes through. */
  edge: number;
  /** True when the line goes through the ring's vertex `edge` (snapped), not across an edge. */
  atVertex: boolean;
  segment: number;
  /** Along the line's segment, 0..1, to order the hits. */
  t: number;
  /** Along the edge, 0..1 (edge crossings only). */
  u: number;
  x: number;
  y: number;
}

/**
 * Splits grid `gridId` in two along the polyline `line` (lon, lat positions), which must cross
 * the grid's outer boundary exactly twice and run inside it between the crossings. The larger
 * piece keeps the grid's id, the other becomes grid `newId`. The crossings become vertices of
 * the neighbours too, so the partition stays exact.
 *
 * `snap` (degrees, 0 = exact) lets a line drawn by hand go through a vertex: a vertex of the
 * grid within `snap` of the line is taken as a crossing itself, and edge crossings that close
 * to a vertex are dropped, so a cut from corner to corner works. The UI passes a few pixels'
 * worth at the map's zoom.
 */
export function splitGrid(partition: GridPartition, gridId: number, line: readonly Position[], newId: number, snap = 0): GridPartition {
  const g = gridOf(partition, gridId);
  if (partition.grids.some((other) => other.id === newId)) throw new PlanEditRefusal('grid_exists', { grid: newId }, `Grid ${newId} already exists`);
  const hits: CutHit[] = [];
  g.polygons.forEach((rings, pi) => rings.forEach((ring, ri) => {
    const n = ring.length;
    const near: number[] = [];
    // Vertices the line passes within `snap` of: each once, where the line comes closest first.
    if (snap > 0) {
      for (let k = 0; k < n; k++) {
        const vx = partition.xs[ring[k]], vy = partition.ys[ring[k]];
        for (let s = 0; s + 1 < line.length; s++) {
          const { t, distance } = closestOnSegment(vx, vy, line[s], line[s + 1]);
          if (distance > snap) continue;
          near.push(k);
          hits.push({ polygon: pi, ring: ri, edge: k, atVertex: true, segment: s, t, u: 0, x: vx, y: vy });
          break;
        }
      }
    }
    const nearVertex = (x: number, y: number) =>
      near.some((k) => Math.hypot(partition.xs[ring[k]] - x, partition.ys[ring[k]] - y) <= snap);
    for (let k = 0; k < n; k++) {
      const a = ring[k], b = ring[(k + 1) % n];
      for (let s = 0; s + 1 < line.length; s++) {
        let hit: SegmentCrossing | null;
        try {
          hit = segmentCrossing(line[s][0], line[s][1], line[s + 1][0], line[s + 1][1], partition.xs[a], partition.ys[a], partition.xs[b], partition.ys[b]);
        } catch {
          // Exactly through a vertex that snapped: that vertex is the crossing already.
          if (near.includes(k) || near.includes((k + 1) % n)) continue;
          throw new PlanEditRefusal(
            'line_along_edge', { grid: gridId, lon: partition.xs[a], lat: partition.ys[a] },
            `The line touches a vertex or edge of grid ${gridId} exactly near (${partition.xs[a]}, ${partition.ys[a]}); draw it a little aside`,
          );
        }
        if (hit && !nearVertex(hit.x, hit.y)) hits.push({ ...hit, polygon: pi, ring: ri, edge: k, atVertex: false, segment: s });
      }
    }
  }));
  if (hits.length !== 2) {
    throw new PlanEditRefusal('line_crossings', { grid: gridId, count: hits.length }, `The line must cross the boundary of grid ${gridId} exactly twice; it crosses ${hits.length} times`);
  }
  hits.sort((p, q) => p.segment - q.segment || p.t - q.t);
  const [enter, exit] = hits;
  if (enter.polygon !== exit.polygon || enter.ring !== 0 || exit.ring !== 0) {
    throw new PlanEditRefusal('line_crosses_hole', { grid: gridId }, `The line must cross the outer boundary of one part of grid ${gridId}, not a hole`);
  }
  const outer = g.polygons[enter.polygon][0];
  // The drawn points between the crossings; a point clicked on a snapped vertex is that vertex.
  const innerPoints: Position[] = [];
  for (let s = enter.segment + 1; s <= exit.segment; s++) {
    const [x, y] = line[s];
    const onCrossing = [enter, exit].some((h) => h.atVertex && Math.hypot(h.x - x, h.y - y) <= snap);
    if (!onCrossing) innerPoints.push(line[s]);
  }
  // Between the crossings the line must run inside the grid, not outside it.
  const [insideX, insideY] = innerPoints.length > 0 ? innerPoints[0] : [(enter.x + exit.x) / 2, (enter.y + exit.y) / 2];
  const outerPositions = outer.map((v): Position => [partition.xs[v], partition.ys[v]]);
  if (!pointInRing(insideX, insideY, outerPositions)) {
    throw new PlanEditRefusal('line_outside', { grid: gridId }, `The line runs outside grid ${gridId} between its crossings`);
  }

  // Add the two crossings as vertices on their edges (in the neighbours too, or on the boundary).
  const n = outer.length;
  const edgeEnds = (k: number): [number, number] => [outer[k], outer[(k + 1) % n]];
  let next = partition;
  const addCrossing = (a: number, b: number, x: number, y: number): number => {
    const shared = countRingsWithEdge(next, a, b) > 1;
    if (shared) {
      const done = insertVertex(next, a, b, x, y);
      next = done.partition;
      return done.vertex;
    }
    // An edge of the community boundary: the crossing lies on it (up to rounding) and is locked.
    const v = next.xs.length;
    next = {
      ...next,
      xs: [...next.xs, x],
      ys: [...next.ys, y],
      locked: new Set([...next.locked, v]),
      grids: mapRings(next, (ring) => insertBetween(ring, a, b, v)),
    };
    return v;
  };
  const [a1, b1] = edgeEnds(enter.edge);
  const [a2, b2] = edgeEnds(exit.edge);
  const c1 = enter.atVertex ? outer[enter.edge] : addCrossing(a1, b1, enter.x, enter.y);
  // When both crossings are on one edge, the second lies on one half of it.
  let c2: number;
  if (exit.atVertex) c2 = outer[exit.edge];
  else if (!enter.atVertex && enter.edge === exit.edge) c2 = exit.u > enter.u ? addCrossing(c1, b2, exit.x, exit.y) : addCrossing(a2, c1, exit.x, exit.y);
  else c2 = addCrossing(a2, b2, exit.x, exit.y);

  // The cut's inner vertices, from c1 to c2.
  const inner: number[] = [];
  const xs = [...next.xs], ys = [...next.ys];
  for (const [x, y] of innerPoints) {
    inner.push(xs.length);
    xs.push(x);
    ys.push(y);
  }
  const grid = gridOf(next, gridId);
  const ring = grid.polygons[enter.polygon][0];
  const i1 = ring.indexOf(c1), i2 = ring.indexOf(c2);
  const walk = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = from; ; i = (i + 1) % ring.length) {
      out.push(ring[i]);
      if (i === to) return out;
    }
  };
  const pieceA = [...walk(i1, i2), ...[...inner].reverse()];
  const pieceB = [...walk(i2, i1), ...inner];
  const positions = (r: readonly number[]): Position[] => r.map((v) => [xs[v], ys[v]]);
  const holesA: number[][] = [], holesB: number[][] = [];
  for (const hole of grid.polygons[enter.polygon].slice(1)) {
    (pointInRing(xs[hole[0]], ys[hole[0]], positions(pieceA)) ? holesA : holesB).push([...hole]);
  }
  const areaA = signedRingArea(positions(pieceA)), areaB = signedRingArea(positions(pieceB));
  // A line along an edge, or from a vertex to its neighbour, cuts nothing off.
  if (pieceA.length < 3 || pieceB.length < 3 || !(areaA > 0) || !(areaB > 0)) {
    throw new PlanEditRefusal('split_piece_empty', { grid: gridId }, `The line cuts nothing off grid ${gridId}`);
  }
  const [kept, made] = areaA >= areaB ? [[pieceA, ...holesA], [pieceB, ...holesB]] : [[pieceB, ...holesB], [pieceA, ...holesA]];
  const grids: PartitionGrid[] = next.grids.map((other) =>
    other.id === gridId ? { id: gridId, polygons: other.polygons.map((rings, pi) => (pi === enter.polygon ? kept : rings)) } : other,
  );
  grids.push({ id: newId, polygons: [made] });
  return { ...next, xs, ys, grids };
}

/**
 * Merges grid `goneId` into grid `keepId`: the edges they share disappear and the union's
 * rings are traced from the rest. The grids must share at least one edge.
 */
export function mergeGrids(partition: GridPartition, keepId: number, goneId: number): GridPartition {
  if (keepId === goneId) throw new PlanEditRefusal('merge_self', { grid: keepId }, `Cannot merge grid ${keepId} with itself`);
  const keep = gridOf(partition, keepId);
  const gone = gridOf(partition, goneId);
  const edges = new Map<string, [number, number]>();
  for (const g of [keep, gone]) for (const rings of g.polygons) for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i], b = ring[(i + 1) % ring.length];
      const reverse = `${b}>${a}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${a}>${b}`, [a, b]);
    }
  }
  const total = [keep, gone].reduce((s, g) => s + g.polygons.flat().reduce((t, r) => t + r.length, 0), 0);
  if (edges.size === total) throw new PlanEditRefusal('merge_no_shared_edge', { grid: keepId, other: goneId }, `Grids ${keepId} and ${goneId} share no edge`);
  const from = [...edges.values()].map((e) => e[0]);
  const to = [...edges.values()].map((e) => e[1]);
  const rings = traceRings(from, to, partition.xs, partition.ys);
  const polygons = assembleRings(partition, rings);
  const grids = partition.grids.filter((g) => g.id !== goneId).map((g) => (g.id === keepId ? { id: keepId, polygons } : g));
  return { ...partition, grids };
}

/** Groups rings of vertex ids into polygons: each hole (clockwise) into the smallest outer ring holding it. */
function assembleRings(partition: GridPartition, rings: Rings): Rings[] {
  const positions = (r: readonly number[]): Position[] => r.map((v) => [partition.xs[v], partition.ys[v]]);
  const outers: { ring: number[]; area: number; holes: number[][] }[] = [];
  const holes: number[][] = [];
  for (const ring of rings) {
    const area = signedRingArea(positions(ring));
    if (area > 0) outers.push({ ring, area, holes: [] });
    else holes.push(ring);
  }
  outers.sort((p, q) => q.area - p.area);
  for (const hole of holes) {
    const x = (partition.xs[hole[0]] + partition.xs[hole[1]]) / 2;
    const y = (partition.ys[hole[0]] + partition.ys[hole[1]]) / 2;
    const owner = outers.filter((o) => pointInRing(x, y, positions(o.ring))).at(-1);
    if (!owner) throw new PlanEditRefusal('hole_outside', { lon: x, lat: y }, `Hole at (${x}, ${y}) lies in no outer ring`);
    owner.holes.push(hole);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}

/** How far along segment a→b (0..1) the point nearest (x, y) lies, and its distance. */
function closestOnSegment(x: number, y: number, a: Position, b: Position): { t: number; distance: number } {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / length2));
  return { t, distance: Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y) };
}

function countRingsWithEdge(partition: GridPartition, a: number, b: number): number {
  let count = 0;
  for (const g of partition.grids) for (const rings of g.polygons) for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i], q = ring[(i + 1) % ring.length];
      if ((p === a && q === b) || (p === b && q === a)) count++;
    }
  }
  return count;
}

function insertBetween(ring: readonly number[], a: number, b: number, v: number): readonly number[] {
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i], q = ring[(i + 1) % ring.length];
    if ((p === a && q === b) || (p === b && q === a)) return [...ring.slice(0, i + 1), v, ...ring.slice(i + 1)];
  }
  return ring;
}

function mapRings(partition: GridPartition, f: (ring: readonly number[]) => readonly number[]): PartitionGrid[] {
  return partition.grids.map((g) => ({ id: g.id, polygons: g.polygons.map((rings) => rings.map(f)) }));
}

function gridOf(partition: GridPartition, id: number): PartitionGrid {
  const g = partition.grids.find((grid) => grid.id === id);
  if (!g) throw new PlanEditRefusal('no_grid', { grid: id }, `No grid ${id} in the partition`);
  return g;
}

function vertexExists(partition: GridPartition, v: number): void {
  if (!(v >= 0 && v < partition.xs.length)) throw new PlanEditRefusal('no_vertex', { vertex: v }, `No vertex ${v} in the partition`);
}
