import { describe, expect, it } from 'vitest';
import { AREA_LEVELS } from '../areas/area-level.ts';
import { allowedTransitions, nextHandlingState, TRANSITIONS, type HandlingState, type Transition } from './handling-cycle.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from './incident-catalogue.ts';

/**
 * The cycle written out by hand from issue 3 (reported → accepted → assigned → mediating →
 * resolved | failed → referred → followed-up → closed), independent of the table in the code:
 * status → the status-changing transitions allowed from it and where each leads.
 */
const EXPECTED: Record<IncidentStatus, Partial<Record<Transition, IncidentStatus>>> = {
  reported: { accept: 'accepted' },
  accepted: { assign: 'assigned' },
  assigned: { assign: 'assigned', start_mediation: 'mediating' },
  mediating: { resolve: 'resolved', fail: 'failed' },
  resolved: { follow_up: 'followed_up' },
  failed: { refer: 'referred' },
  referred: { follow_up: 'followed_up' },
  followed_up: { close: 'closed' },
  closed: {},
};
const OPEN: IncidentStatus[] = ['reported', 'accepted', 'assigned', 'mediating', 'failed'];

describe('the handling cycle', () => {
  for (const status of INCIDENT_STATUSES) {
    for (const transition of TRANSITIONS.filter((t) => t !== 'escalate')) {
      const to = EXPECTED[status][transition];
      it(`${to ? 'allows' : 'refuses'} ${transition} from ${status}`, () => {
        expect(nextHandlingState({ status, level: 'grid' }, transition)).toEqual(to ? { status: to, level: 'grid' } : null);
      });
    }
  }

  for (const status of INCIDENT_STATUSES) {
    it(`${OPEN.includes(status) ? 'allows' : 'refuses'} escalation from ${status}, keeping the status`, () => {
      const next = nextHandlingState({ status, level: 'grid' }, 'escalate');
      expect(next).toEqual(OPEN.includes(status) ? { status, level: 'community' } : null);
    });
  }

  it('escalates one level at a time from grid to county and no further', () => {
    const seen = [];
    let state: HandlingState = { status: 'mediating', level: AREA_LEVELS[3] };
    for (;;) {
      seen.push(state.level);
      const next = nextHandlingState(state, 'escalate');
      if (next === null) break;
      state = next;
    }
    expect(seen).toEqual(['grid', 'community', 'town', 'county']);
  });

  it('lists the allowed transitions in cycle order', () => {
    expect(allowedTransitions({ status: 'reported', level: 'grid' })).toEqual(['accept', 'escalate']);
    expect(allowedTransitions({ status: 'mediating', level: 'county' })).toEqual(['resolve', 'fail']);
    expect(allowedTransitions({ status: 'closed', level: 'town' })).toEqual([]);
  });

  it('reaches closed from reported along both outcomes', () => {
    const walk = (steps: Transition[]) =>
      steps.reduce<HandlingState | null>((state, step) => (state ? nextHandlingState(state, step) : null), {
        status: 'reported',
        level: 'grid',
      });
    expect(walk(['accept', 'assign', 'start_mediation', 'resolve', 'follow_up', 'close'])?.status).toBe('closed');
    expect(walk(['accept', 'assign', 'start_mediation', 'fail', 'refer', 'follow_up', 'close'])?.status).toBe('closed');
  });
});
