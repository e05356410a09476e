import { z } from 'zod';

/** Kinds of dispute and event (矛盾纠纷 / 事件), DOMAIN.md. Labels live in the web catalogue. */
export const INCIDENT_KINDS = [
  'neighbour', // 邻里纠纷
  'family', // 婚姻家庭
  'land', // 土地/宅基地
  'labour', // 劳动争议
  'property', // 物业纠纷
  'traffic', // 交通事故
  'medical', // 医疗纠纷
  'commercial', // 商事纠纷
  'debt', // 债务
  'petition', // 信访
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const incidentKindSchema = z.enum(INCIDENT_KINDS);

/**
 * The handling cycle (受理→分流→交办→调解→办结→回访). `resolved` is mediated successfully;
 * `failed` may be `referred` on; both end in `followed_up` and `closed`.
 */
export const INCIDENT_STATUSES = [
  'reported', // 已上报
  'accepted', // 已受理
  'assigned', // 已交办
  'mediating', // 调解中
  'resolved', // 调解成功
  'failed', // 调解失败
  'referred', // 已移交
  'followed_up', // 已回访
  'closed', // 已办结
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);

/** Statuses in which an incident is still being handled: it counts as open and can be overdue. */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['reported', 'accepted', 'assigned', 'mediating', 'failed'];

/** Where a report came from. */
export const INCIDENT_SOURCES = ['patrol', 'walk_in', 'hotline_12345', 'police_110', 'online'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const incidentSourceSchema = z.enum(INCIDENT_SOURCES);

/** Severity: 1 minor (一般), 2 serious (较大), 3 major (重大). */
export const SEVERITIES = [1, 2, 3] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a referred case went: court 诉调对接, petition office 访调对接, police 警民联调. */
export const REFERRAL_TARGETS = ['court', 'petition_office', 'police'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** Days allowed to close a case of a kind at severity 1 (限期办结); see `deadlineDays`. */
export const DEADLINE_DAYS: Record<IncidentKind, number> = {
  neighbour: 15,
  family: 15,
  land: 30,
  labour: 30,
  property: 15,
  traffic: 30,
  medical: 45,
  commercial: 30,
  debt: 30,
  petition: 60, // 信访事项: 60 days under the Regulations on Letters and Visits
};

/** Severer cases are handled faster: days are multiplied by this factor per severity. */
export const SEVERITY_DEADLINE_FACTOR: Record<Severity, number> = { 1: 1, 2: 0.66, 3: 0.33 };

/** Days allowed to close an incident of this kind and severity, e.g. deadlineDays('labour', 2) === 20. */
export function deadlineDays(kind: IncidentKind, severity: Severity): number {
  return Math.max(1, Math.round(DEADLINE_DAYS[kind] * SEVERITY_DEADLINE_FACTOR[severity]));
}
