import { describe, expect, it } from 'vitest';
import { areaFigures } from './area-figures.ts';
import { addTallies, emptyTally, medianResolveDays, tallyIncidents, type TalliedIncident } from './incident-tally.ts';
import { safetyIndex } from './safety-index.ts';

const NOW = new Date('2025-06-30T00:00:00.000Z');

function incident(over: Partial<TalliedIncident>): TalliedIncident {
  return {
    status: 'reported',
    severity: 1,
    level: 'grid',
    originLevel: 'grid',
    reportedAt: '2025-06-01T00:00:00.000Z',
    deadlineAt: '2025-07-15T00:00:00.000Z',
    resolvedAt: null,
    ...over,
  };
}

// Six cases of one grid: two open (one overdue), two resolved (one after escalation), one
// failed and referred, one still mediating after escalation.
const CASES: TalliedIncident[] = [
  incident({ status: 'reported' }),
  incident({ status: 'accepted', deadlineAt: '2025-06-10T00:00:00.000Z' }),
  incident({ status: 'resolved', resolvedAt: '2025-06-03T00:00:00.000Z' }), // 2 days
  incident({ status: 'closed', level: 'community', severity: 3, resolvedAt: '2025-06-05T12:00:00.000Z' }), // 4.5 days
  incident({ status: 'referred', severity: 2 }),
  incident({ status: 'mediating', level: 'town' }),
];

describe('tallyIncidents', () => {
  it('counts reported, open, overdue, resolved and concluded cases as the figures define them', () => {
    const tally = tallyIncidents(CASES, NOW);
    expect(tally).toMatchObject({ reported: 6, severityWeight: 9, open: 3, overdue: 1, resolved: 2, concluded: 3, resolvedAtOrigin: 1 });
  });

  it('keeps days to resolve in tenth-of-a-day buckets', () => {
    expect(tallyIncidents(CASES, NOW).resolveDays).toEqual({ 20: 1, 45: 1 });
  });

  it('counts a case past its deadline as overdue only while it is open', () => {
    const late = '2025-06-02T00:00:00.000Z';
    const tally = tallyIncidents(
      [incident({ status: 'failed', deadlineAt: late }), incident({ status: 'closed', deadlineAt: late, resolvedAt: late })],
      NOW,
    );
    expect(tally.overdue).toBe(1);
  });
});

describe('areaFigures', () => {
  it('derives rates, the median and the rate per 1,000 households from the tally', () => {
    const figures = areaFigures(tallyIncidents(CASES, NOW), 400, 30);
    expect(figures).toMatchObject({
      reported: 6,
      reportedPer1000Households: 15,
      open: 3,
      overdue: 1,
      resolved: 2,
      mediationSuccessRate: 0.6667,
      notEscalatedRate: 0.3333,
      medianDaysToResolve: 3.3, // between 2.05 and 4.55
    });
    expect(figures.safetyIndex).toBeGreaterThan(0);
    expect(figures.safetyIndex).toBeLessThan(100);
  });

  it('leaves rates null where nothing was concluded and the per-household rate null without households', () => {
    const figures = areaFigures(emptyTally(), 0, 30);
    expect(figures.mediationSuccessRate).toBeNull();
    expect(figures.notEscalatedRate).toBeNull();
    expect(figures.medianDaysToResolve).toBeNull();
    expect(figures.reportedPer1000Households).toBeNull();
    expect(figures.safetyIndex).toBeNull();
  });
});

describe('addTallies', () => {
  it('gives the tally of the union: counts and histograms add up', () => {
    const [a, b] = [CASES.slice(0, 3), CASES.slice(3)];
    expect(addTallies([tallyIncidents(a, NOW), tallyIncidents(b, NOW)])).toEqual(tallyIncidents(CASES, NOW));
  });
});

describe('medianResolveDays', () => {
  it('takes the middle bucket of an odd count and the mean of the two middle ones of an even count', () => {
    expect(medianResolveDays({ 10: 1, 30: 2 })).toBe(3.05);
    expect(medianResolveDays({ 10: 1, 30: 1 })).toBe(2.05);
    expect(medianResolveDays({})).toBeNull();
  });
});

describe('safetyIndex', () => {
  const calm = { households: 1000, periodDays: 365, reported: 0, severityWeight: 0, resolved: 0, concluded: 0, resolvedAtOrigin: 0, overdue: 0 };

  it('is 100 for an area with no incidents', () => {
    expect(safetyIndex(calm)).toBe(100);
  });

  it('gives half the load term at the reference rate, everything else perfect', () => {
    // 100 severity-weighted cases per 1,000 households per year, all resolved locally on time.
    const x = { ...calm, reported: 100, severityWeight: 100, resolved: 100, concluded: 100, resolvedAtOrigin: 100 };
    expect(safetyIndex(x)).toBe(80);
  });

  it('normalises by population: the same cases weigh half as much over twice the households', () => {
    const busy = { ...calm, reported: 200, severityWeight: 300, resolved: 150, concluded: 200, resolvedAtOrigin: 120, overdue: 10 };
    expect(safetyIndex({ ...busy, households: 2000 })!).toBeGreaterThan(safetyIndex(busy)!);
  });

  it('annualises the rate: the same cases in half a year weigh twice as much', () => {
    const x = { ...calm, reported: 50, severityWeight: 50, resolved: 50, concluded: 50, resolvedAtOrigin: 50 };
    expect(safetyIndex({ ...x, periodDays: 182.5 })).toBe(safetyIndex({ ...x, severityWeight: 100 }));
  });
});
