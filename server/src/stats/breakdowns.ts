import type { AreaLevel, IncidentKind, IncidentSource, IncidentStatus } from '@gridmap/shared';

/** Counts of an area's incidents by kind, source, handling level and status. */
export interface Breakdowns {
  byKind: Partial<Record<IncidentKind, number>>;
  bySource: Partial<Record<IncidentSource, number>>;
  byLevel: Partial<Record<AreaLevel, number>>;
  byStatus: Partial<Record<IncidentStatus, number>>;
}
