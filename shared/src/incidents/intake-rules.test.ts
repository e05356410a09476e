import { describe, expect, it } from 'vitest';
import { deadlineAt, intakeLevel } from './intake-rules.ts';

describe('intake rules', () => {
  it('handles minor cases at the grid, serious at the community and major at the town', () => {
    expect(intakeLevel('neighbour', 1)).toBe('grid');
    expect(intakeLevel('neighbour', 2)).toBe('community');
    expect(intakeLevel('land', 3)).toBe('town');
  });

  it('starts medical disputes and petitions at the town whatever their severity', () => {
    expect(intakeLevel('medical', 1)).toBe('town');
    expect(intakeLevel('petition', 2)).toBe('town');
    expect(intakeLevel('petition', 3)).toBe('town');
  });

  it('sets the deadline from the per-kind, per-severity table', () => {
    // labour: 30 days at severity 1, × 0.66 → 20 days at severity 2.
    expect(deadlineAt('labour', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-03-31T00:00:00.000Z');
    expect(deadlineAt('labour', 2, '2026-03-01T00:00:00.000Z')).toBe('2026-03-21T00:00:00.000Z');
  });
});
