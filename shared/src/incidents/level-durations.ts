import { AREA_LEVELS, type AreaLevel } from '../areas/area-level.ts';

/** The part of a timeline event that moves a case between levels. */
export interface LevelStep {
  /** ISO date-time of the event. */
  at: string;
  /** The handling level after the event. */
  toLevel: AreaLevel;
}

/**
 * Milliseconds the case spent at each level, from its first event until `end` (ISO: when it
 * was resolved or closed, or now while open). Levels it never reached are 0. Events must be
 * in time order; the first one (intake) sets the starting level.
 */
export function levelDurations(steps: readonly LevelStep[], end: string): Record<AreaLevel, number> {
  const durations = Object.fromEntries(AREA_LEVELS.map((level) => [level, 0])) as Record<AreaLevel, number>;
  const endMs = Date.parse(end);
  for (let i = 0; i < steps.length; i++) {
    const from = Date.parse(steps[i].at);
    const to = i + 1 < steps.length ? Math.min(Date.parse(steps[i + 1].at), endMs) : endMs;
    if (to > from) durations[steps[i].toLevel] += to - from;
  }
  return durations;
}
