import { describe, expect, it } from 'vitest';
import { draftField, EMPTY_DRAFT, intakeFromDraft } from './intake-draft.ts';

const FILLED = { ...EMPTY_DRAFT, lon: '120.25', lat: '29.71', description: '噪音扰民' };

describe('the intake draft', () => {
  it('makes the request with the county offset on a typed time, and the party when named', () => {
    const result = intakeFromDraft({ ...FILLED, reportedAt: '2025-06-01T08:30', partyName: ' 张三 ', partyPhone: '13800000000' }, '李值班');
    expect(result).toEqual({
      intake: {
        kind: 'neighbour', severity: 1, source: 'patrol', description: '噪音扰民', location: { lon: 120.25, lat: 29.71 },
        reportedAt: '2025-06-01T08:30:00+08:00', parties: [{ name: '张三', role: 'applicant', phone: '13800000000' }], actor: '李值班',
      },
    });
  });

  it('leaves the time to the server and the parties out when not given', () => {
    const result = intakeFromDraft(FILLED, '李值班');
    expect('intake' in result && result.intake).not.toHaveProperty('reportedAt');
    expect('intake' in result && result.intake).not.toHaveProperty('parties');
  });

  it('names the first field that is missing or malformed', () => {
    expect(intakeFromDraft({ ...FILLED, lon: '' }, 'x')).toEqual({ problem: { field: 'lon', problem: 'required' } });
    expect(intakeFromDraft({ ...FILLED, lat: '29,7' }, 'x')).toEqual({ problem: { field: 'lat', problem: 'number' } });
    expect(intakeFromDraft({ ...FILLED, description: ' ' }, 'x')).toEqual({ problem: { field: 'description', problem: 'required' } });
    const phone = intakeFromDraft({ ...FILLED, partyName: '王五', partyPhone: 'call me' }, 'x');
    expect('problem' in phone && phone.problem.field).toBe('partyPhone');
  });

  it('maps API field paths onto the form', () => {
    expect(draftField(['location'])).toBe('location');
    expect(draftField(['location', 'lat'])).toBe('lat');
    expect(draftField(['parties', '0', 'phone'])).toBe('partyPhone');
    expect(draftField(['reportedAt'])).toBe('reportedAt');
  });
});
