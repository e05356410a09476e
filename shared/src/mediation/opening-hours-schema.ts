import { z } from 'zod';
import { openingPeriodSchema } from './mediation-catalogue.ts';
import { minutesOfDay } from './open-at.ts';

/** More periods than a week of split shifts is a mistake, not a timetable. */
export const MAX_OPENING_PERIODS = 14;

/**
 * Opening hours as a write must give them (POST/PATCH of a mediation point): each period opens
 * before it closes, names each weekday once, and there are at most MAX_OPENING_PERIODS.
 */
export const wellFormedHoursSchema = z
  .array(
    openingPeriodSchema
      .refine((p) => minutesOfDay(p.open) < minutesOfDay(p.close), {
        message: 'a period must open before it closes (close 24:00 for until midnight)',
        path: ['close'],
      })
      .refine((p) => new Set(p.days).size === p.days.length, { message: 'a weekday is listed twice', path: ['days'] }),
  )
  .max(MAX_OPENING_PERIODS);
