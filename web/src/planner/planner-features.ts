import type { PartitionProblem } from '@gridmap/shared/plans/validate-partition';
import { gridGeometry, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import type { FeatureCollection, LineString, Point, Polygon, MultiPolygon, Position } from 'geojson';

/** The grids of the partition, with `selected` and `changed` flags for the style. */
export function gridFeatures(
  p: GridPartition,
  selected: readonly number[],
  changed: ReadonlySet<number>,
): FeatureCollection<Polygon | MultiPolygon, { id: number; selected: boolean; changed: boolean }> {
  return {
    type: 'FeatureCollection',
    features: p.grids.map((g) => ({
      type: 'Feature',
      id: g.id < 0 ? 1_000_000 - g.id : g.id,
      geometry: gridGeometry(p, g),
      properties: { id: g.id, selected: selected.includes(g.id), changed: changed.has(g.id) },
    })),
  };
}

/**
 * The vertices a planner can drag: every vertex of the partition's rings, `locked` on the
 * community boundary, `shared` where two or more grids meet (moving one moves them all).
 */
export function vertexFeatures(p: GridPartition): FeatureCollection<Point, { vertex: number; locked: boolean; shared: boolean }> {
  const owners = new Map<number, number>();
  for (const g of p.grids) {
    const seen = new Set<number>();
    for (const rings of g.polygons) for (const ring of rings) for (const v of ring) seen.add(v);
    for (const v of seen) owners.set(v, (owners.get(v) ?? 0) + 1);
  }
  return {
    type: 'FeatureCollection',
    features: [...owners].map(([v, n]) => ({
      type: 'Feature',
      id: v,
      geometry: { type: 'Point', coordinates: [p.xs[v], p.ys[v]] },
      properties: { vertex: v, locked: p.locked.has(v), shared: n > 1 },
    })),
  };
}

/** Midpoints of the edges shared by two grids: clicking one adds a vertex there. */
export function midpointFeatures(p: GridPartition): FeatureCollection<Point, { a: number; b: number }> {
  const seen = new Set<string>();
  const shared: [number, number][] = [];
  for (const g of p.grids) for (const rings of g.polygons) for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i], b = ring[(i + 1) % ring.length];
      if (seen.has(`${b}>${a}`)) shared.push([a, b]);
      seen.add(`${a}>${b}`);
    }
  }
  return {
    type: 'FeatureCollection',
    features: shared.map(([a, b]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [(p.xs[a] + p.xs[b]) / 2, (p.ys[a] + p.ys[b]) / 2] },
      properties: { a, b },
    })),
  };
}

/** Validation problems where they are. */
export function problemFeatures(problems: readonly PartitionProblem[]): FeatureCollection<Point, { kind: string }> {
  return {
    type: 'FeatureCollection',
    features: problems.map((q) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: q.at }, properties: { kind: q.kind } })),
  };
}

/** The split line being drawn. */
export function cutFeatures(points: readonly Position[]): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: points.length < 2 ? [] : [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [...points] }, properties: {} }],
  };
}
