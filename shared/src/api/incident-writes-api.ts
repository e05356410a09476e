import { z } from 'zod';
import { areaLevelSchema } from '../areas/area-level.ts';
import { INCIDENT_EVENT_KINDS, TRANSITIONS } from '../incidents/handling-cycle.ts';
import {
  incidentKindSchema,
  incidentSourceSchema,
  incidentStatusSchema,
  REFERRAL_TARGETS,
} from '../incidents/incident-catalogue.ts';
import { pointSchema } from './geojson-schemas.ts';
import { featureSchema } from './geojson-schemas.ts';
import { incidentPropertiesSchema } from './points-api.ts';

/** Longest free text of a description or note, in characters. */
export const MAX_TEXT_CHARS = 2_000;
/** Longest name of a person (actor, assignee, party), in characters. */
export const MAX_NAME_CHARS = 40;
/** Most parties recorded on one incident. */
export const MAX_PARTIES = 20;
/** How far a client's clock may run ahead of the server's before a time counts as future, in ms. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Earliest time a report or event may carry. */
export const EARLIEST_EVENT_TIME = '2000-01-01T00:00:00.000Z';

/** An ISO 8601 date-time with an offset ('Z' or '+08:00'), normalised to UTC with milliseconds. */
export const eventTimeSchema = z
  .string()
  .pipe(z.iso.datetime({ offset: true, message: "expected an ISO date-time with an offset, e.g. '2026-03-01T09:30:00+08:00'" }))
  .transform((text) => new Date(text).toISOString())
  .refine((iso) => iso >= EARLIEST_EVENT_TIME, { message: `must not be before ${EARLIEST_EVENT_TIME}` });

const nameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_NAME_CHARS, `must be at most ${MAX_NAME_CHARS} characters`);
const noteSchema = z.string().trim().max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`);

export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const; // 申请人, 被申请人, 其他
export const partySchema = z.object({
  name: nameSchema,
  role: z.enum(PARTY_ROLES),
  /** Digits, spaces, '+' and '-', 5 to 20 characters. */
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, 'must be 5 to 20 digits, spaces, + or -').optional(),
});
export type Party = z.infer<typeof partySchema>;

/** `POST /api/incidents`: a new dispute. `reportedAt` defaults to now; severity 1–3. */
export const incidentIntakeSchema = z.strictObject({
  kind: incidentKindSchema,
  description: noteSchema.min(1, 'must not be empty'),
  location: z.strictObject({
    lon: z.number().finite().min(-180).max(180),
    lat: z.number().finite().min(-90).max(90),
  }),
  reportedAt: eventTimeSchema.optional(),
  source: incidentSourceSchema,
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  parties: z.array(partySchema).max(MAX_PARTIES).optional(),
  /** The household involved, when known (repeat-address warnings count by it). */
  householdId: z.number().int().positive().optional(),
  /** Who records the report. */
  actor: nameSchema,
});
export type IncidentIntake = z.infer<typeof incidentIntakeSchema>;

const transitionBase = {
  actor: nameSchema,
  /** When it happened; defaults to now. Not before the incident's last event, not in the future. */
  at: eventTimeSchema.optional(),
  note: noteSchema.optional(),
  /** The `version` the client saw; a stale one is refused with 409 (someone else acted first). */
  expectedVersion: z.number().int().positive(),
};

/** `POST /api/incidents/:id/transitions`: one step of the handling cycle. */
export const transitionRequestSchema = z.discriminatedUnion('transition', [
  z.strictObject({ transition: z.literal('accept'), ...transitionBase }),
  z.strictObject({
    transition: z.literal('assign'),
    ...transitionBase,
    mediationPointId: z.number().int().positive(),
    assignee: nameSchema,
  }),
  z.strictObject({ transition: z.literal('start_mediation'), ...transitionBase }),
  z.strictObject({ transition: z.literal('resolve'), ...transitionBase }),
  z.strictObject({ transition: z.literal('fail'), ...transitionBase }),
  z.strictObject({ transition: z.literal('refer'), ...transitionBase, referredTo: z.enum(REFERRAL_TARGETS) }),
  z.strictObject({ transition: z.literal('follow_up'), ...transitionBase }),
  z.strictObject({ transition: z.literal('close'), ...transitionBase }),
  z.strictObject({ transition: z.literal('escalate'), ...transitionBase, reason: noteSchema.min(1, 'must not be empty') }),
]);
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

/** One event of an incident's timeline. */
export const incidentEventSchema = z.object({
  id: z.number(),
  incidentId: z.number(),
  kind: z.enum(INCIDENT_EVENT_KINDS),
  actor: z.string(),
  at: z.string(),
  note: z.string(),
  fromStatus: incidentStatusSchema.nullable(),
  toStatus: incidentStatusSchema,
  fromLevel: areaLevelSchema.nullable(),
  toLevel: areaLevelSchema,
  mediationPointId: z.number().nullable(),
  assignee: z.string().nullable(),
  referredTo: z.enum(REFERRAL_TARGETS).nullable(),
  reason: z.string().nullable(),
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

/** `GET /api/incidents/:id`: the incident with its parties (masked), timeline and next steps. */
export const incidentDetailPropertiesSchema = incidentPropertiesSchema.extend({
  /** Masked: '张**', '138****1234'. */
  parties: z.array(z.object({ name: z.string(), role: z.enum(PARTY_ROLES), phone: z.string().optional() })),
  timeline: z.array(incidentEventSchema),
  allowedTransitions: z.array(z.enum(TRANSITIONS)),
  /** Milliseconds spent at each level so far (until resolved, or now while open). */
  levelDurations: z.record(areaLevelSchema, z.number()),
});
export type IncidentDetailProperties = z.infer<typeof incidentDetailPropertiesSchema>;
export const incidentDetailSchema = featureSchema(pointSchema, incidentDetailPropertiesSchema);
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

/** The `data` of one `incident` message of `GET /api/live`: the event and the incident after it. */
export const liveIncidentMessageSchema = z.object({
  event: incidentEventSchema,
  incident: featureSchema(pointSchema, incidentPropertiesSchema),
});
export type LiveIncidentMessage = z.infer<typeof liveIncidentMessageSchema>;
