import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * True when (x, y) lies inside the ring (even-odd rule, open or closed ring). Points exactly on
 * an edge may go either way; callers use points that are not on boundaries.
 */
export function pointInRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when (x, y) lies inside the polygon: inside an outer ring and outside its holes. */
export function pointInPolygon(x: number, y: number, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    if (!pointInRing(x, y, rings[0])) continue;
    let inHole = false;
    for (let h = 1; h < rings.length && !inHole; h++) inHole = pointInRing(x, y, rings[h]);
    if (!inHole) return true;
  }
  return false;
}
