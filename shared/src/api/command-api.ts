import { z } from 'zod';
import { AREA_LEVELS } from '../areas/area-level.ts';

/** An open case whose deadline is this close counts as due soon (临期), in hours. */
export const DUE_SOON_HOURS = 72;

/** `GET /api/incidents/counters`: the command centre's live figures at the server's now. */
export const incidentCountersSchema = z.object({
  /** The county day (UTC+8) the figures are for. */
  day: z.string(),
  /** Reported since the county day began. */
  reportedToday: z.number().int(),
  /** In an open status (reported, accepted, assigned, mediating, failed). */
  open: z.number().int(),
  /** Open and past the deadline. */
  overdue: z.number().int(),
  /** Open, not overdue, and due within DUE_SOON_HOURS. */
  dueSoon: z.number().int(),
  /** Open cases by the level handling them now. */
  openByLevel: z.object(Object.fromEntries(AREA_LEVELS.map((level) => [level, z.number().int()])) as Record<
    (typeof AREA_LEVELS)[number],
    z.ZodNumber
  >),
  /** The newest timeline event: the figures include everything up to it. */
  lastEventId: z.number().int(),
});
export type IncidentCounters = z.infer<typeof incidentCountersSchema>;
