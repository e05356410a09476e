import { describe, expect, it } from 'vitest';
import { auditQueryString, NO_AUDIT_FILTERS, parseAuditTarget } from './audit-query.ts';

describe('auditQueryString', () => {
  it('asks for a page of lines and leaves out the filters not set', () => {
    expect(auditQueryString(NO_AUDIT_FILTERS)).toBe('?limit=100');
  });

  it('carries every filter set, the account trimmed, and the line to start before', () => {
    expect(auditQueryString({ account: ' town ', action: 'view_personal', from: '2025-05-01', to: '2025-05-31' }, 812))
      .toBe('?limit=100&before=812&account=town&action=view_personal&from=2025-05-01&to=2025-05-31');
  });
});

describe('parseAuditTarget', () => {
  it('reads an incident or a household and its id', () => {
    expect(parseAuditTarget('incident 12')).toEqual({ kind: 'incident', id: 12 });
    expect(parseAuditTarget('household 7')).toEqual({ kind: 'household', id: 7 });
  });

  it('keeps any other target as written', () => {
    expect(parseAuditTarget('POST /api/incidents')).toEqual({ raw: 'POST /api/incidents' });
    expect(parseAuditTarget('')).toEqual({ raw: '' });
  });
});
