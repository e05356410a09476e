import type { AreaLevel } from '../areas/area-level.ts';
import { deadlineDays, type IncidentKind, type Severity } from './incident-catalogue.ts';

const DAY_MS = 86_400_000;

/**
 * The level a new case is handled at (小事不出村, 大事不出镇): minor cases at the grid, serious
 * ones at the community, major ones at the town; medical disputes and petitions go to the town's
 * specialised committee and letters-and-visits office whatever their severity.
 */
export const INTAKE_LEVEL_BY_SEVERITY: Record<Severity, AreaLevel> = { 1: 'grid', 2: 'community', 3: 'town' };
/** Kinds that start at the town at the lowest. */
export const TOWN_FIRST_KINDS: readonly IncidentKind[] = ['medical', 'petition'];

/** The handling level of a new incident, e.g. intakeLevel('neighbour', 1) === 'grid'. */
export function intakeLevel(kind: IncidentKind, severity: Severity): AreaLevel {
  const level = INTAKE_LEVEL_BY_SEVERITY[severity];
  if (TOWN_FIRST_KINDS.includes(kind) && (level === 'grid' || level === 'community')) return 'town';
  return level;
}

/** The deadline (ISO) of a case reported at `reportedAt` (ISO): `deadlineDays` × 24 h later. */
export function deadlineAt(kind: IncidentKind, severity: Severity, reportedAt: string): string {
  return new Date(Date.parse(reportedAt) + deadlineDays(kind, severity) * DAY_MS).toISOString();
}
