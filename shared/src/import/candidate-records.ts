import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaLevel } from '../areas/area-level.ts';
import type { HouseholdTag } from '../households/household-tags.ts';
import type { IncidentKind, IncidentSource, IncidentStatus, Severity } from '../incidents/incident-catalogue.ts';
import type { MediationKind } from '../mediation/mediation-catalogue.ts';
import type { RowProblem } from './row-problem.ts';

/** An area row as mapped from a source, in WGS84, before it meets the database. */
export interface AreaCandidate {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  geometry: Polygon | MultiPolygon;
}

interface PointCandidate {
  lon: number;
  lat: number;
  /** The source's own id of the row, the key of updates; null adds a row every time. */
  externalId: string | null;
}

export interface HouseholdCandidate extends PointCandidate {
  address: string;
  size: number;
  tags: HouseholdTag[];
  headName: string;
  phone: string;
}

export interface MediationPointCandidate extends PointCandidate {
  name: string;
  kind: MediationKind;
  /** The area it serves by code; null means the community (or `level`) the point lies in. */
  areaCode: string | null;
  level: AreaLevel | null;
  address: string;
  mediators: number;
  phone: string;
  disputeKinds: IncidentKind[];
}

export interface IncidentCandidate extends PointCandidate {
  kind: IncidentKind;
  status: IncidentStatus;
  severity: Severity;
  source: IncidentSource;
  level: AreaLevel;
  description: string;
  /** ISO date-times, UTC. */
  reportedAt: string;
  deadlineAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface CandidateByLayer {
  areas: AreaCandidate;
  households: HouseholdCandidate;
  mediation_points: MediationPointCandidate;
  incidents: IncidentCandidate;
}

/**
 * One source row after mapping: a candidate, or the reasons it cannot be one. `row` is 1-based;
 * `key` is what names the row to a person (a code, an external id, an address or a name).
 */
export type MappedRow<T> =
  | { row: number; key: string; record: T; problems?: undefined }
  | { row: number; key: string; record?: undefined; problems: RowProblem[] };
