import { INCIDENT_POINT_MIN_ZOOM } from '@gridmap/shared';

/** Zoom levels a click on an incident bin zooms in by, stopping first at the point zoom. */
export const BIN_ZOOM_STEP = 2;

/**
 * The zoom a click on an incident bin eases to. Below INCIDENT_POINT_MIN_ZOOM it stops there,
 * where cases usually turn into points. At or above it a bin means the tile held more than
 * MAX_FEATURES_PER_TILE cases (a town centre over two years), so it zooms in a full step rather
 * than back out to the point zoom, where the same bins would be drawn again.
 * @example binClickZoom(INCIDENT_POINT_MIN_ZOOM - 0.5, 19) // INCIDENT_POINT_MIN_ZOOM
 * @example binClickZoom(INCIDENT_POINT_MIN_ZOOM + 0.3, 19) // INCIDENT_POINT_MIN_ZOOM + 2.3
 */
export function binClickZoom(zoom: number, maxZoom: number): number {
  const target = zoom < INCIDENT_POINT_MIN_ZOOM ? Math.min(zoom + BIN_ZOOM_STEP, INCIDENT_POINT_MIN_ZOOM) : zoom + BIN_ZOOM_STEP;
  return Math.min(target, maxZoom);
}
