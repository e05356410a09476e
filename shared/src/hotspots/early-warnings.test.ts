import { describe, expect, it } from 'vitest';
import { earlyWarnings, type WarningIncidents } from './early-warnings.ts';
import { neighbourhoodFromLists } from './neighbourhood.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-01T00:00:00Z');

/** Incidents from [grid index, days before NOW, household, days until deadline, open]. */
function incidents(rows: [number, number, number, number, 0 | 1][]): WarningIncidents {
  return {
    id: rows.map((_, i) => i + 1),
    grid: rows.map((r) => r[0]),
    householdId: rows.map((r) => r[2]),
    reportedMs: rows.map((r) => NOW - r[1] * DAY),
    deadlineMs: rows.map((r) => NOW + r[3] * DAY),
    open: rows.map((r) => r[4]),
  };
}

// Two grids side by side, ids 10 and 11.
const grids = { ids: [10, 11], neighbourhood: neighbourhoodFromLists([[1], [0]]) };

describe('earlyWarnings', () => {
  it('finds a grid whose last 28 days far exceed its year before, with the Poisson figures', () => {
    // Grid 10: 6 cases in the last 28 days, none in the 364 before. Under equal rates each case
    // falls in the recent 28 of 392 days with p = 1/14: P(all 6 recent) = (1/14)^6 = 1.328e-7.
    // Grid 11: nothing. BH over the 2 grids: q = p · 2 / 1 = 2.656e-7.
    const list = earlyWarnings(incidents([1, 2, 3, 4, 5, 6].map((d) => [0, d, 0, -30, 0])), grids, NOW);
    const rising = list.find((w) => w.type === 'rising_area')!;
    expect(rising).toMatchObject({ gridId: 10, incidentIds: [1, 2, 3, 4, 5, 6] });
    expect(rising.figures.pValue).toBeCloseTo((1 / 14) ** 6, 12);
    expect(rising.figures.qValue).toBeCloseTo(2 * (1 / 14) ** 6, 12);
    expect(rising.figures.rateRatio).toBe(-1); // no baseline to compare with
  });

  it('does not call a grid rising on fewer than 5 recent cases', () => {
    const list = earlyWarnings(incidents([1, 2, 3, 4].map((d) => [0, d, 0, -30, 0])), grids, NOW);
    expect(list.filter((w) => w.type === 'rising_area')).toEqual([]);
  });

  it('lists open cases due within 72 hours, and not overdue or closed ones', () => {
    const list = earlyWarnings(
      incidents([
        [0, 10, 0, 2, 1], // due in 48 h: near
        [0, 10, 0, 4, 1], // 96 h: not yet
        [1, 10, 0, -1, 1], // overdue
        [1, 10, 0, 1, 0], // closed
      ]),
      grids,
      NOW,
    );
    expect(list.filter((w) => w.type === 'near_deadline').map((w) => [w.incidentIds, w.figures.hoursLeft])).toEqual([[[1], 48]]);
  });

  it('puts the newest warning first', () => {
    const list = earlyWarnings(
      incidents([
        [0, 10, 7, 30, 0],
        [0, 20, 7, 30, 0],
        [0, 30, 7, 30, 0], // household 7: three within 90 days, newest 10 days ago
        [1, 1, 0, 2, 1], // near deadline since 24 h ago
      ]),
      grids,
      NOW,
    );
    expect(list.map((w) => w.type)).toEqual(['near_deadline', 'repeat_address']);
  });
});
