import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, incidentQueryParams, parseViewState, viewStateSearch, type ViewState } from './view-state.ts';

const VIEW: ViewState = {
  panel: 'area',
  area: 42,
  figure: 'overdue',
  from: '2025-01-01',
  to: '2025-06-30',
  table: { kinds: ['neighbour', 'land'], statuses: ['mediating'], levels: ['town'], overdue: true, sort: 'deadlineAt' },
  incident: 7,
};

describe('view state in the URL', () => {
  it('reads back what it writes', () => {
    expect(parseViewState(viewStateSearch(VIEW))).toEqual(VIEW);
  });

  it('writes the default view as no parameters and keeps parameters it does not own', () => {
    expect(viewStateSearch(DEFAULT_VIEW)).toBe('');
    expect(viewStateSearch({ ...DEFAULT_VIEW, area: 3 }, '?lang=en&area=9')).toBe('?lang=en&area=3');
  });

  it('shows the area panel for a link to a place or to the county’s panel, else the command centre', () => {
    expect(parseViewState('?area=3').panel).toBe('area');
    expect(parseViewState('?panel=area').panel).toBe('area');
    expect(parseViewState('').panel).toBe('command');
    expect(viewStateSearch({ ...DEFAULT_VIEW, panel: 'area' })).toBe('?panel=area');
  });

  it('writes comma lists readably', () => {
    expect(viewStateSearch(VIEW)).toContain('kind=neighbour,land');
  });

  it('falls back to the default for values that are not valid', () => {
    expect(parseViewState('?area=abc&figure=happiness&from=2025-1-1&kind=x,land&overdue=maybe&sort=name')).toEqual({
      ...DEFAULT_VIEW,
      table: { ...DEFAULT_VIEW.table, kinds: ['land'] },
    });
  });

  it('turns the table filters into the list query of an area and period', () => {
    const p = incidentQueryParams(VIEW, 5, { from: '2025-01-01', to: '2025-06-30' });
    expect(Object.fromEntries(p)).toEqual({
      areaId: '5', from: '2025-01-01', to: '2025-06-30', sort: 'deadlineAt', kind: 'neighbour,land', status: 'mediating', level: 'town', overdue: 'true',
    });
  });
});
