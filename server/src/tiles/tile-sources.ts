import { HOUSEHOLD_POINT_MIN_ZOOM, INCIDENT_POINT_MIN_ZOOM, isoDateOfDayNumber } from '@gridmap/shared';
import type { HouseholdPoints } from './household-points.ts';
import { incidentKindAt, incidentStatusAt, type IncidentPoints } from './incident-points.ts';
import type { TileLayerSource } from './tile-features.ts';

/**
 * Household point features carry `id`, `size` and `migrant` (0/1); bins carry `count`. No
 * key-group flag: whether a household is in a key group is sensitive,
 * and a tile is drawn for a map, not for the staff in charge of a household.
 */
export function householdTileSource(p: HouseholdPoints): TileLayerSource {
  return {
    index: p.index,
    pointMinZoom: HOUSEHOLD_POINT_MIN_ZOOM,
    pyramid: p.pyramid,
    id: (i) => p.id[i],
    tags: (i) => ({ id: p.id[i], size: p.size[i], migrant: p.migrant[i] }),
  };
}

/**
 * Incident point features carry `id`, `kind`, `status`, `severity`, `overdue` (0/1, open and
 * past its deadline at `nowMs`) and `reportedDay` ('YYYY-MM-DD', the county day at UTC+8); bins carry `count`
 * and `open`.
 */
export function incidentTileSource(p: IncidentPoints, nowMs: number): TileLayerSource {
  return {
    index: p.index,
    pointMinZoom: INCIDENT_POINT_MIN_ZOOM,
    id: (i) => p.id[i],
    tags: (i) => ({
      id: p.id[i],
      kind: incidentKindAt(p, i),
      status: incidentStatusAt(p, i),
      severity: p.severity[i],
      overdue: p.open[i] === 1 && p.deadlineMs[i] < nowMs ? 1 : 0,
      reportedDay: isoDateOfDayNumber(p.reportedDay[i]),
    }),
    binCounts: { open: (i) => p.open[i] === 1 },
    pyramid: p.pyramid,
  };
}
