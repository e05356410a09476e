import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaLevel, AreaTreeLevel } from '../areas/area-level.ts';
import type { HouseholdTag } from '../households/household-tags.ts';
import type {
  IncidentKind,
  IncidentSource,
  IncidentStatus,
  ReferralTarget,
  Severity,
} from '../incidents/incident-catalogue.ts';
import type { IncidentEventKind } from '../incidents/handling-cycle.ts';
import type { MediationKind, OpeningPeriod } from '../mediation/mediation-catalogue.ts';
import type { StaffRole } from '../staff/staff-roles.ts';

/**
 * What the demo generator produces and the database seeds from: one county, its areas,
 * households, staff, mediation points and incidents. Ids are 1-based and unique per table.
 */
export interface CountyData {
  meta: DemoMeta;
  areas: AreaRecord[];
  households: HouseholdRecord[];
  staff: StaffRecord[];
  mediationPoints: MediationPointRecord[];
  incidents: IncidentRecord[];
  /** The timelines of the incidents: every event, ordered by incident and time. */
  incidentEvents: IncidentEventRecord[];
  /** Hot spots planted on purpose, so that tests can check that analyses find them. */
  hotspots: PlantedHotspot[];
}

export interface DemoMeta {
  seed: number;
  /** Scale of the county, 1 = the full demo (~400,000 households); tests use ~0.01–0.05. */
  size: number;
  /** ISO date-time the two years of incidents end at. */
  now: string;
  countyName: string;
  countyCode: string;
  source: string;
}

/**
 * Parents come before their children in `areas`; `parentId` is null only for the top of the
 * tree (the county of a county database, the province of a province one).
 */
export interface AreaRecord {
  id: number;
  code: string;
  name: string;
  level: AreaTreeLevel;
  parentId: number | null;
  geometry: Polygon | MultiPolygon;
  /** A point inside the area for its label, [lon, lat]. */
  labelPoint: [number, number];
}

export interface HouseholdRecord {
  id: number;
  /** The grid the household lies in (point-in-polygon). */
  gridId: number;
  lon: number;
  lat: number;
  /** Address in Chinese, e.g. '暨阳街道城西社区12幢3单元201室'. */
  address: string;
  /** Residents in the household, 1–8. */
  size: number;
  tags: HouseholdTag[];
  headName: string;
  phone: string;
}

export interface StaffRecord {
  id: number;
  gridId: number;
  role: StaffRole;
  name: string;
  phone: string;
}

export interface MediationPointRecord {
  id: number;
  kind: MediationKind;
  /** The level of area it serves (county, town or community). */
  level: AreaLevel;
  /** The area it belongs to (a county, town or community id). */
  areaId: number;
  name: string;
  lon: number;
  lat: number;
  address: string;
  hours: OpeningPeriod[];
  disputeKinds: IncidentKind[];
  mediators: number;
  phone: string;
}

export interface IncidentRecord {
  id: number;
  kind: IncidentKind;
  status: IncidentStatus;
  severity: Severity;
  source: IncidentSource;
  /** The level it is handled at now (grid, community, town, county). */
  level: AreaLevel;
  /** The level it was first handled at; a higher `level` means it was escalated. */
  originLevel: AreaLevel;
  description: string;
  lon: number;
  lat: number;
  gridId: number;
  householdId: number | null;
  mediationPointId: number | null;
  /** The person handling it at its mediation point, once assigned. */
  assignee: string | null;
  referredTo: ReferralTarget | null;
  /** ISO date-times (UTC, 'Z'). */
  reportedAt: string;
  deadlineAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
}

/** One event of an incident's timeline: intake (`report`) or a step of the handling cycle. */
export interface IncidentEventRecord {
  id: number;
  incidentId: number;
  kind: IncidentEventKind;
  /** Who recorded it. */
  actor: string;
  /** ISO date-time (UTC, 'Z') it happened. */
  at: string;
  note: string;
  /** Null for the intake event. */
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus;
  fromLevel: AreaLevel | null;
  toLevel: AreaLevel;
  /** Set by `assign`. */
  mediationPointId: number | null;
  assignee: string | null;
  /** Set by `refer`. */
  referredTo: ReferralTarget | null;
  /** Set by `escalate`. */
  reason: string | null;
}

export interface PlantedHotspot {
  id: number;
  name: string;
  lon: number;
  lat: number;
  /** Radius in metres within which the extra incidents were placed. */
  radiusM: number;
  /** The one kind planted, or null for a mix of kinds. */
  kind: IncidentKind | null;
  /** Extra incidents planted on top of the background. */
  count: number;
  /** ISO date the planted incidents start from (hot spots may be recent, for early warning). */
  from: string;
}
