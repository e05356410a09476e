/**
 * Vertex limits for geometries that come in from outside (issue 9). A boundary's checks (self-
 * crossings, partition edges) grow faster than its vertex count, so an outsized polygon is
 * refused before any of them runs. The demo county's own boundary has about 7,300 vertices, a
 * town about 700, a community 100 and a grid 40.
 */

/** Most vertices of one grid drawn in the planner or sent in a plan: 100× a demo grid. */
export const MAX_GRID_VERTICES = 5_000;
/** Most vertices of all grids of one plan together: a community of 300 grids at 160 each. */
export const MAX_PLAN_VERTICES = 50_000;
/** Most vertices of one imported area boundary: a detailed county outline, about 1.5 MB of GeoJSON. */
export const MAX_AREA_VERTICES = 50_000;

/**
 * Positions in a Polygon's or MultiPolygon's rings (a closed ring's repeated first position
 * counts too); 0 for anything shaped otherwise, which the geometry's own schema refuses.
 */
export function countVertices(geometry: { type: string; coordinates: unknown }): number {
  const depth = geometry.type === 'Polygon' ? 2 : geometry.type === 'MultiPolygon' ? 3 : 0;
  let count = 0;
  const walk = (value: unknown, level: number): void => {
    if (!Array.isArray(value)) return;
    if (level === 1) count += value.length;
    else for (const item of value) walk(item, level - 1);
  };
  if (depth > 0) walk(geometry.coordinates, depth);
  return count;
}
