import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A community's grids as one planar partition: every vertex is stored once and every grid ring
 * lists vertex ids, so a vertex shared by neighbouring grids is the same entry and moving it
 * moves every grid that has it. Rings are open (no closing repeat); outer rings run
 * counter-clockwise and holes clockwise, as RFC 7946 and the demo generator have them.
 * Partitions are values: every edit returns a new one, which makes undo a stack of them.
 */
export interface GridPartition {
  /** Vertex coordinates by vertex id (lon, lat). */
  xs: readonly number[];
  ys: readonly number[];
  /** Vertices on the community's boundary: they stay put, so the grids stay inside the community. */
  locked: ReadonlySet<number>;
  grids: readonly PartitionGrid[];
}

export interface PartitionGrid {
  /** The area id of an existing grid, or a negative id for a grid the plan creates. */
  id: number;
  /** Polygons, each a list of rings (outer first, then holes), each a list of vertex ids. */
  polygons: readonly (readonly (readonly number[])[])[];
}

/** A grid of a plan or a community as GeoJSON: the exchange form between web, server and partition. */
export interface GridGeometry {
  id: number;
  geometry: Polygon | MultiPolygon;
}

/** Coordinates that name the same vertex (exact: shared vertices of the demo grids are identical). */
export function vertexKey(x: number, y: number): string {
  return `${x},${y}`;
}

/**
 * The partition of `grids` inside `parent`: vertices with identical coordinates become one
 * vertex; the parent's own vertices are locked.
 * @example partitionFromGrids(gridsOfCommunity, community.geometry)
 */
export function partitionFromGrids(grids: readonly GridGeometry[], parent: Polygon | MultiPolygon): GridPartition {
  const xs: number[] = [];
  const ys: number[] = [];
  const ids = new Map<string, number>();
  const vertexOf = (p: Position): number => {
    const key = vertexKey(p[0], p[1]);
    let id = ids.get(key);
    if (id === undefined) {
      id = xs.length;
      ids.set(key, id);
      xs.push(p[0]);
      ys.push(p[1]);
    }
    return id;
  };
  const openRing = (ring: readonly Position[]): number[] => {
    const out = ring.map(vertexOf);
    if (out.length > 1 && out[0] === out[out.length - 1]) out.pop();
    return out;
  };
  const partitionGrids = grids.map((g) => ({ id: g.id, polygons: polygonsOf(g.geometry).map((rings) => rings.map(openRing)) }));
  const locked = new Set<number>();
  for (const rings of polygonsOf(parent)) {
    for (const ring of rings) for (const p of ring) {
      const id = ids.get(vertexKey(p[0], p[1]));
      if (id !== undefined) locked.add(id);
    }
  }
  return { xs, ys, locked, grids: partitionGrids };
}

/** The GeoJSON geometry of one grid of the partition (closed rings; MultiPolygon when it has several parts). */
export function gridGeometry(partition: GridPartition, grid: PartitionGrid): Polygon | MultiPolygon {
  const close = (ring: readonly number[]): Position[] => [...ring, ring[0]].map((v) => [partition.xs[v], partition.ys[v]]);
  const polygons = grid.polygons.map((rings) => rings.map(close));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Every grid of the partition as GeoJSON geometry. */
export function partitionGeometries(partition: GridPartition): GridGeometry[] {
  return partition.grids.map((g) => ({ id: g.id, geometry: gridGeometry(partition, g) }));
}

/** The polygons of a Polygon or MultiPolygon as one list. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
