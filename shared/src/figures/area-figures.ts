import { medianResolveDays, type IncidentTally } from './incident-tally.ts';
import { safetyIndex } from './safety-index.ts';

/**
 * The figures of an area and period (issue 7). Every figure counts the incidents reported in the
 * period, in the state they are in now; documented one by one in FIGURE_DEFINITIONS.
 */
export const FIGURES = [
  'reported',
  'reportedPer1000Households',
  'open',
  'overdue',
  'resolved',
  'mediationSuccessRate',
  'medianDaysToResolve',
  'notEscalatedRate',
  'safetyIndex',
] as const;
export type Figure = (typeof FIGURES)[number];

/** Each figure's value; a rate or median is null where it has nothing to divide by. */
export type AreaFigures = Record<Figure, number | null>;

export interface FigureDefinition {
  /** Whether the parent's value is the sum of its children's (counts); rates and medians are not. */
  additive: boolean;
  /** Whether a higher value is better (for colours and arrows). */
  higherIsBetter: boolean;
  /** How it is computed from the tally, in words (the docs quote these). */
  definition: string;
}

/** One definition per figure. */
export const FIGURE_DEFINITIONS: Record<Figure, FigureDefinition> = {
  reported: { additive: true, higherIsBetter: false, definition: 'incidents reported in the period' },
  reportedPer1000Households: {
    additive: false,
    higherIsBetter: false,
    definition: 'reported × 1,000 / households of the area (not annualised)',
  },
  open: { additive: true, higherIsBetter: false, definition: 'of those reported, still in an open status now' },
  overdue: { additive: true, higherIsBetter: false, definition: 'of those reported, open and past their deadline now' },
  resolved: { additive: true, higherIsBetter: true, definition: 'of those reported, mediated successfully (调解成功)' },
  mediationSuccessRate: {
    additive: false,
    higherIsBetter: true,
    definition: '调解成功率: resolved / concluded, where concluded = mediation reached an outcome, success or failure',
  },
  medianDaysToResolve: {
    additive: false,
    higherIsBetter: false,
    definition: 'median days from report to successful mediation, of the resolved, to a tenth of a day',
  },
  notEscalatedRate: {
    additive: false,
    higherIsBetter: true,
    definition:
      '矛盾不上交率: resolved at the level it arose at without escalation (level = origin level) / concluded; ' +
      'a case escalated, or failed and referred on, counts against it',
  },
  safetyIndex: { additive: false, higherIsBetter: true, definition: '平安指数, 0–100: see safety-index.ts for the formula' },
};

/** Figures that add up from children to parent. */
export const ADDITIVE_FIGURES: readonly Figure[] = FIGURES.filter((figure) => FIGURE_DEFINITIONS[figure].additive);

/** A ratio, or null when the denominator is 0. Rates are fractions 0–1, rounded to 4 decimals. */
function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/**
 * Every figure of an area from its tally, its households and the period's length in days.
 * @example areaFigures(tally, 2_000, 365).reportedPer1000Households
 */
export function areaFigures(tally: IncidentTally, households: number, periodDays: number): AreaFigures {
  return {
    reported: tally.reported,
    reportedPer1000Households: households > 0 ? Math.round((tally.reported * 1000 * 100) / households) / 100 : null,
    open: tally.open,
    overdue: tally.overdue,
    resolved: tally.resolved,
    mediationSuccessRate: ratio(tally.resolved, tally.concluded),
    medianDaysToResolve: medianResolveDays(tally.resolveDays),
    notEscalatedRate: ratio(tally.resolvedAtOrigin, tally.concluded),
    safetyIndex: safetyIndex({ ...tally, households, periodDays }),
  };
}
