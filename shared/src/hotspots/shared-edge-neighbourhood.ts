import type { AreaGeometry } from './area-geometry.ts';
import { neighbourhoodFromLists, type Neighbourhood } from './neighbourhood.ts';

/**
 * Areas that share at least one boundary segment are neighbours (rook contiguity). The demo's
 * grids tile their parents with identical vertices on both sides of a shared edge (see
 * region-polygons.ts), so a segment is matched by its two end points exactly; touching at a
 * single corner does not make neighbours.
 */
export function sharedEdgeNeighbourhood(geometries: readonly AreaGeometry[]): Neighbourhood {
  const owners = new Map<string, number[]>();
  geometries.forEach((geometry, area) => {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const ring of polygons.flat()) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = `${ring[k][0]},${ring[k][1]}`;
        const b = `${ring[k + 1][0]},${ring[k + 1][1]}`;
        if (a === b) continue;
        const key = a < b ? `${a} ${b}` : `${b} ${a}`;
        const list = owners.get(key);
        if (list) {
          if (!list.includes(area)) list.push(area);
        } else owners.set(key, [area]);
      }
    }
  });
  const lists: number[][] = geometries.map(() => []);
  for (const areas of owners.values()) {
    for (const a of areas) for (const b of areas) if (a !== b) lists[a].push(b);
  }
  return neighbourhoodFromLists(lists);
}
